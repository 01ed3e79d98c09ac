/**
 * Servlet-level glue around the container's MicroProfile GraphQL endpoint: input limits checked before the engine
 * parses a request (body size, envelope, query depth and width), validation and error codes that read the same on
 * every server, and the spelling of decimal numbers in answers (Open Liberty's own EAR work-arounds are in
 * {@code api.graphql.liberty}). No API logic lives here.
 */
package io.circuitbreaker.llm.api.graphql.servlet;
