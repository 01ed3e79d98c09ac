package io.circuitbreaker.llm.api.graphql.liberty;

/**
 * What Open Liberty 26.0.0.3's MicroProfile GraphQL (mpGraphQL-2.0) needs from the gateway inside an EAR, in one
 * place: the servlet filter in front of the GraphQL endpoint calls these two methods and nothing else of this package.
 * On Payara Server (SmallRye GraphQL 2.17 in the web module) neither is needed; both are harmless there, and the
 * Payara integration tests run with them (docs/architecture.md, "Open Liberty and Payara Server").
 */
public final class LibertyGraphQL {

    private static volatile BridgingClassLoader bridge;

    private LibertyGraphQL() {
    }

    /**
     * The context class loader to run a GraphQL request under: {@code current} itself, or, when the GraphQL API beans
     * were discovered under another loader, one that loads through {@code current} and equals the discovery loader
     * (see {@link BridgingClassLoader}). One bridge is kept and reused, so requests pay nothing for it.
     */
    public static ClassLoader requestLoader(ClassLoader current) {
        ClassLoader discoveryLoader = GraphQLApiClassLoaderRecorder.discoveryClassLoader();
        if (discoveryLoader == null || discoveryLoader == current) {
            return current;
        }
        BridgingClassLoader known = bridge;
        if (known == null || !known.bridges(current, discoveryLoader)) {
            known = new BridgingClassLoader(current, discoveryLoader);
            bridge = known;
        }
        return known;
    }

    /**
     * Whether {@code error} is Liberty's engine failing to write a validation error: its error formatter and engine
     * disagree on a method signature, so such a query dies with a {@link NoSuchMethodError} raised in
     * {@code getValidationExtensions} instead of answering with an error list.
     */
    public static boolean isValidationFormatterFailure(Throwable error) {
        if (!(error instanceof NoSuchMethodError)) {
            return false;
        }
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getMethodName().equals("getValidationExtensions")) {
                return true;
            }
        }
        return String.valueOf(error.getMessage()).contains("ValidationError");
    }
}
