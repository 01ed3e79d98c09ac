/**
 * Errors the container itself answers (a URI it refuses, a path nothing is mapped to, an exception no code caught):
 * without this, Open Liberty answers them with an HTML page that may carry a Java stack trace.
 */
package io.circuitbreaker.llm.api.errors;
