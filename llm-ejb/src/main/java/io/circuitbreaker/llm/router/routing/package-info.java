/**
 * Routing decisions: which deployments can serve a requested model (resolution), which of them fit the request
 * (capability and context filtering, breakers), and in which order to try them (route strategies).
 */
package io.circuitbreaker.llm.router.routing;
