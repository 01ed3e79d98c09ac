/**
 * What every front door does the same way with a request: read its JSON body strictly and within the parser's
 * limits, give it the id that follows it through the caller's systems and the gateway's, and stop routing its answer
 * when the container reports the request over. Shared here rather than copied per API; the OpenAI door predates this
 * package and keeps its own equivalents for now.
 */
package io.circuitbreaker.llm.api.request;
