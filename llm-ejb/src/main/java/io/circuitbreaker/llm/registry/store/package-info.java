/**
 * Where the gateway's own configuration lives: providers with their models, and routes, as JPA entities on the
 * gateway's database (embedded Derby by default, PostgreSQL in production). The default catalog is written here once,
 * at the first start, and from then on the database owns it, so an operator's edits survive restarts and upgrades.
 * Nothing here ever holds an API key: only the name of the secret that does.
 */
package io.circuitbreaker.llm.registry.store;
