/**
 * The router's routing decisions: which deployments can serve a requested model (resolution), which of them fit the
 * request (capability and context filtering, breakers), and in which order to try them (route strategies, latency
 * averages). Internal to the router; the data these decisions produce lives in {@code io.circuitbreaker.llm.routing}.
 */
package io.circuitbreaker.llm.router.routing;
