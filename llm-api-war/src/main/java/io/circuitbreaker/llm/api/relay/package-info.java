/**
 * What every front door uses to hand a routed answer back to its caller: the routing headers (which provider and
 * model answered, attempts, overhead) and the server-sent event relay, parameterised by each API's own event format.
 */
package io.circuitbreaker.llm.api.relay;
