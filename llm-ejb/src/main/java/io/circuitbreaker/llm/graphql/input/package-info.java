/**
 * The GraphQL API's input types (the design document's {@code LlmproviderConfigInput} and the others).
 *
 * <p>Why here and not in the web module with the rest of the API: Open Liberty's MicroProfile GraphQL loads argument
 * classes by name through the thread context class loader, and in an EAR the gateway must run GraphQL requests under
 * the application's loader (see {@code GraphQLApiClassLoaderRecorder} in the web module), which sees this EJB module
 * but not the web module. Plain mutable beans, because that is what MicroProfile GraphQL binds input to; each becomes
 * a validated domain value before anything else sees it.
 */
package io.circuitbreaker.llm.graphql.input;
