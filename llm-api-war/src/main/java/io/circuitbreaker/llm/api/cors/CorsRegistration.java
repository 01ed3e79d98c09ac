package io.circuitbreaker.llm.api.cors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers {@link CorsFilter} at start when {@code llm.cors.allowed-origins} is set, and not at all otherwise.
 *
 * <p>Registered here rather than with {@code @WebFilter} for its place in the chain: annotated filters run in no
 * defined order, and CORS must come first, so a preflight (which carries no credentials) is answered before an
 * authentication filter refuses it, and an error answered by a later filter still carries the CORS headers the
 * browser needs to show it. A filter added with {@code isMatchAfter = false} runs before every declared one.
 */
@WebListener
public class CorsRegistration implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(CorsRegistration.class.getName());

    static final String[] PATHS = {"/v1/*", "/graphql/*"};

    @Override
    public void contextInitialized(ServletContextEvent event) {
        register(event.getServletContext(), CorsConfig.from(ConfigProvider.getConfig()));
    }

    static void register(ServletContext context, CorsConfig config) {
        if (!config.enabled()) {
            return;
        }
        FilterRegistration.Dynamic filter = context.addFilter("cors", new CorsFilter(config));
        filter.setAsyncSupported(true); // chat completions answer asynchronously
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, PATHS);
        LOG.info(() -> "CORS on for " + Stream.concat(config.anyOrigin() ? Stream.of("*") : Stream.empty(),
                config.origins().stream().sorted()).collect(Collectors.joining(", ")));
    }
}
