/**
 * GraphQL input types (the design document's {@code LlmproviderConfigInput} and the others). Plain mutable beans,
 * because that is what MicroProfile GraphQL binds input to; each becomes a validated domain value before anything
 * else sees it.
 */
package io.circuitbreaker.llm.api.graphql.input;
