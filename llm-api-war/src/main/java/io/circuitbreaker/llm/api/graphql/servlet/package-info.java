/**
 * Servlet-level glue around the container's MicroProfile GraphQL endpoint: input limits checked before the engine
 * parses a request (body size, envelope, query depth and width), fixes for how Open Liberty's GraphQL integration
 * behaves inside an EAR, and the spelling of decimal numbers in answers. No API logic lives here.
 */
package io.circuitbreaker.llm.api.graphql.servlet;
