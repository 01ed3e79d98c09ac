package io.circuitbreaker.llm.api.graphql.servlet;

/**
 * The schema introspection query GraphiQL sends when it opens (graphql-js's {@code getIntrospectionQuery} with
 * descriptions, specifiedByURL, isRepeatable, isOneOf and input value deprecation), with {@code ofType} nested
 * {@code typeDepth} times in the type reference fragment.
 */
final class Introspection {

    private Introspection() {
    }

    static String query(int typeDepth) {
        return """
                query IntrospectionQuery {
                  __schema {
                    description
                    queryType { name kind }
                    mutationType { name kind }
                    subscriptionType { name kind }
                    types { ...FullType }
                    directives {
                      name description isRepeatable locations
                      args(includeDeprecated: true) { ...InputValue }
                    }
                  }
                }
                fragment FullType on __Type {
                  kind name description specifiedByURL isOneOf
                  fields(includeDeprecated: true) {
                    name description
                    args(includeDeprecated: true) { ...InputValue }
                    type { ...TypeRef }
                    isDeprecated deprecationReason
                  }
                  inputFields(includeDeprecated: true) { ...InputValue }
                  interfaces { ...TypeRef }
                  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
                  possibleTypes { ...TypeRef }
                }
                fragment InputValue on __InputValue {
                  name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
                }
                fragment TypeRef on __Type {
                  kind name %s
                }
                """.formatted("ofType { name kind ".repeat(typeDepth) + "}".repeat(typeDepth));
    }
}
