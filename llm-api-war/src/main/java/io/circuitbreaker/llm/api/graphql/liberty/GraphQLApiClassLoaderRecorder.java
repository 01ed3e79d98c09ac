package io.circuitbreaker.llm.api.graphql.liberty;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import org.eclipse.microprofile.graphql.GraphQLApi;

/**
 * Records the thread context class loader under which CDI discovered the {@link GraphQLApi} beans.
 *
 * <p>Why: Open Liberty's MicroProfile GraphQL integration files the {@code @GraphQLApi} beans under the context class
 * loader seen during bean discovery, and looks them up at request time under the request's context class loader. In
 * an EAR the two differ (discovery runs under the application's loader, requests under the web module's), so every
 * resolver fails with a NullPointerException. {@link LibertyGraphQL#requestLoader} uses the loader recorded here to
 * make the two match.
 */
public class GraphQLApiClassLoaderRecorder implements Extension {

    private static volatile ClassLoader discoveryClassLoader;

    <X> void recordDiscoveryLoader(@Observes ProcessBean<X> event) {
        if (event.getAnnotated().isAnnotationPresent(GraphQLApi.class)) {
            discoveryClassLoader = Thread.currentThread().getContextClassLoader();
        }
    }

    /** The loader current while the GraphQL API beans were discovered, or {@code null} if none was seen. */
    static ClassLoader discoveryClassLoader() {
        return discoveryClassLoader;
    }
}
