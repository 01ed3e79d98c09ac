/**
 * The pages the gateway serves to browsers, the operations console ({@code /console/}) and GraphiQL
 * ({@code /graphql-ui/}): static files in the WAR; what this package adds is how they are served.
 */
package io.circuitbreaker.llm.api.pages;
