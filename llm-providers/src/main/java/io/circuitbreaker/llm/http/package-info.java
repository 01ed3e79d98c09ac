/**
 * HTTP plumbing shared by the adapters: the data plane's Jetty client ({@link io.circuitbreaker.llm.http.UpstreamHttp})
 * with its complete call ({@link io.circuitbreaker.llm.http.UpstreamCall}) and Server-Sent Events stream
 * ({@link io.circuitbreaker.llm.http.SseStreamPublisher}), the mapping of transport failures to typed errors, the
 * MicroProfile Rest Client cache for health probes, and JSON-B access. No provider-specific wire format lives here.
 */
package io.circuitbreaker.llm.http;
