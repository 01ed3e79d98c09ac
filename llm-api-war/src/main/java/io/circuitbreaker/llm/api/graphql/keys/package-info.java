/**
 * GraphQL operations on gateway keys: create (the secret is returned once), revoke, list, and a key's own view of
 * its limits and budget spend.
 */
package io.circuitbreaker.llm.api.graphql.keys;
