/**
 * The router: the design card's {@code @Stateless} EJB ({@link io.circuitbreaker.llm.router.LlmRouter}) and the
 * engine behind it. Given a resolved request it filters and orders the candidates, walks them with retries, backoff
 * and fallback, keeps every deployment's circuit breaker informed, and hands back a routed answer or stream.
 * Admission, settlement and usage records are not its business: the chat application service
 * ({@code io.circuitbreaker.llm.chat}) does those around the one router call each request makes.
 *
 * <p>Internal to the router: {@code router.routing} (resolution, candidate filtering and ordering, latency
 * tracking). Other packages use the routing data in {@code io.circuitbreaker.llm.routing} instead.
 */
package io.circuitbreaker.llm.router;
