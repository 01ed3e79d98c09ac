/**
 * Authentication with gateway keys: the key arrives as {@code Authorization: Bearer} (the OpenAI SDKs' convention) or
 * {@code x-api-key}. On {@code /graphql} the container authenticates (Jakarta Security): the identity store turns the
 * key into a caller principal named by the key's id, in the group {@code admin} or {@code client}, which Open Liberty
 * maps to the roles of the same name. On {@code /v1/*}, where every role may call and a container login per request
 * is costly, {@link io.circuitbreaker.llm.api.security.ApiKeyFilter} checks the same keys. Health checks, metrics
 * and the GraphiQL page stay open.
 */
package io.circuitbreaker.llm.api.security;
