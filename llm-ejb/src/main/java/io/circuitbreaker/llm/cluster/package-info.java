/**
 * Configuration changes made on one gateway instance reach the others within a second: whoever writes providers,
 * prices, routes or keys fires a {@link io.circuitbreaker.llm.cluster.LocalChange}; the {@link
 * io.circuitbreaker.llm.cluster.ChangeBus} announces it (Redis pub/sub, else PostgreSQL LISTEN/NOTIFY) and fires a
 * {@link io.circuitbreaker.llm.cluster.RemoteChange} on every other instance, whose owners re-read the database. A
 * periodic re-read stays as a safety net for a notice that was lost.
 */
package io.circuitbreaker.llm.cluster;
