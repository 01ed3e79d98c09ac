package io.circuitbreaker.llm.api.graphql.liberty;

/**
 * The context class loader GraphQL requests run under in the EAR: it loads classes through the web module's loader,
 * and it is equal to the application loader the GraphQL beans were discovered under.
 *
 * <p>Why both: Open Liberty's MicroProfile GraphQL finds its bean manager in a map keyed by the context class loader
 * seen during bean discovery (the application's), but loads argument classes such as {@code LlmproviderConfigInput}
 * by name through the request's context class loader, and only the web module's loader sees them. A loader that
 * delegates to the web module and answers {@code equals}/{@code hashCode} as the discovery loader satisfies both
 * lookups. One instance is made per web module and reused, so requests pay nothing for it.
 */
final class BridgingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader discoveryLoader;

    BridgingClassLoader(ClassLoader webModuleLoader, ClassLoader discoveryLoader) {
        super(webModuleLoader);
        this.discoveryLoader = discoveryLoader;
    }

    boolean bridges(ClassLoader webModuleLoader, ClassLoader discovery) {
        return getParent() == webModuleLoader && discoveryLoader == discovery;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other == discoveryLoader;
    }

    @Override
    public int hashCode() {
        return discoveryLoader.hashCode();
    }
}
