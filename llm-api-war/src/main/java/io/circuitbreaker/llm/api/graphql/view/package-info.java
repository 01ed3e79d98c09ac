/**
 * GraphQL output types: read-only views over domain values, so the schema is designed for GraphQL clients and no
 * provider wire DTO, entity or secret can leak into it.
 */
package io.circuitbreaker.llm.api.graphql.view;
