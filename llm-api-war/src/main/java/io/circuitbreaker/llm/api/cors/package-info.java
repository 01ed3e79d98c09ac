/**
 * Cross-origin access for browser clients: off unless {@code llm.cors.allowed-origins} names the origins allowed to
 * call {@code /v1/*} and {@code /graphql}, since a gateway that holds provider keys should not answer every web page
 * a user happens to open.
 */
package io.circuitbreaker.llm.api.cors;
