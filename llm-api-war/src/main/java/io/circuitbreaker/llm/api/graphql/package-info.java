/**
 * The MicroProfile GraphQL API. Types here are views over the domain model, so the schema is designed for GraphQL
 * clients and no provider wire DTO or secret can leak into it.
 */
package io.circuitbreaker.llm.api.graphql;
