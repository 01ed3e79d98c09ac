/**
 * Container authentication with gateway keys (Jakarta Security): the key arrives as {@code Authorization: Bearer}
 * (the OpenAI SDKs' convention) or {@code x-api-key}; the identity store turns it into a caller principal named by
 * the key's id, in the group {@code admin} or {@code client}, which Open Liberty maps to the roles of the same name.
 * {@code WEB-INF/web.xml} says which paths need a key: {@code /v1/*} and {@code /graphql}; health checks, metrics and
 * the GraphiQL page stay open.
 */
package io.circuitbreaker.llm.api.security;
