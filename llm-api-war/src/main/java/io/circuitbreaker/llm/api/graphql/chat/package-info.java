/**
 * The {@code chatCompletion} mutation: a complete, non-streamed answer through the router for GraphQL clients. Its
 * input types, the translation into the provider-neutral request, the result view, and how routing failures become
 * coded GraphQL errors.
 */
package io.circuitbreaker.llm.api.graphql.chat;
