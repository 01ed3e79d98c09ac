/**
 * Routing data shared by everything that looks at traffic: deployments (one model at one provider), resolutions of a
 * requested model, route definitions and strategies, the attempts a request made, routed answers, stream summaries,
 * the caller's context and the observer port that hears every upstream attempt. Plain values and interfaces, no
 * behaviour: the router ({@code io.circuitbreaker.llm.router}) produces them; access control, health, observability
 * and the APIs read them without reaching into the router.
 */
package io.circuitbreaker.llm.routing;
