/**
 * HTTP plumbing shared by the adapters: Server-Sent Events parsing, the streaming call on the JDK HTTP client, the
 * MicroProfile Rest Client cache and JSON-B access. No provider-specific wire format lives here.
 */
package io.circuitbreaker.llm.http;
