/**
 * Work-arounds for Open Liberty 26.0.0.3's MicroProfile GraphQL inside an EAR, and nothing else: the one place in
 * the gateway's code that exists for one server. {@link io.circuitbreaker.llm.api.graphql.liberty.LibertyGraphQL} is
 * its entry point; the CDI extension that records the discovery class loader is registered in
 * META-INF/services/jakarta.enterprise.inject.spi.Extension.
 */
package io.circuitbreaker.llm.api.graphql.liberty;
