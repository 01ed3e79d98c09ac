package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Wraps every request to the MicroProfile GraphQL endpoint to make the container's behaviour fit the gateway:
 * <ul>
 *   <li>a body over {@code llm.limits.graphql-max-body-bytes}, a malformed JSON envelope, or a query nested too
 *       deep, selecting too many fields or too long is answered with a GraphQL error before the engine parses it
 *       (see {@link RequestAdmission});</li>
 *   <li>resolver beans are looked up under the class loader they were discovered with, while argument classes
 *       still load from this module (see {@link GraphQLApiClassLoaderRecorder} and {@link BridgingClassLoader} for
 *       the Open Liberty EAR issue this works around);</li>
 *   <li>failures that escape the GraphQL servlet become GraphQL errors with a code (see {@link GraphQLFailure}), and
 *       every error in an answer carries an {@code extensions.code} (see {@link ErrorCodes});</li>
 *   <li>numbers are sent in plain notation (see {@link PlainNumbers}), so prices read {@code 0.000000075}.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class GraphQLRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GraphQLRequestFilter.class.getName());

    /** Body size and query limits, from configuration at {@link #init()}. */
    private transient RequestLimits limits = RequestLimits.DEFAULTS;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestAdmission admission = RequestAdmission.admit(request, limits);
        if (admission.refusal() != null) {
            sendFailure(admission.refusal(), response);
            return;
        }
        HttpServletRequest checked = admission.request();
        BufferedResponse buffered = new BufferedResponse(response);
        Thread thread = Thread.currentThread();
        ClassLoader requestLoader = thread.getContextClassLoader();
        ClassLoader discoveryLoader = GraphQLApiClassLoaderRecorder.discoveryClassLoader();
        if (discoveryLoader != null && discoveryLoader != requestLoader) {
            thread.setContextClassLoader(bridge(requestLoader, discoveryLoader));
        }
        try {
            chain.doFilter(checked, buffered);
        } catch (IOException | ServletException | RuntimeException | LinkageError failure) {
            Optional<GraphQLFailure> known = GraphQLFailure.classify(failure);
            if (known.isEmpty()) {
                throw failure;
            }
            LOG.log(Level.FINE, "GraphQL request rejected: " + known.get().code(), failure);
            sendFailure(known.get(), response);
            return;
        } finally {
            thread.setContextClassLoader(requestLoader);
        }
        send(buffered, response);
    }

    private static volatile BridgingClassLoader bridge;

    private static ClassLoader bridge(ClassLoader requestLoader, ClassLoader discoveryLoader) {
        BridgingClassLoader current = bridge;
        if (current == null || !current.bridges(requestLoader, discoveryLoader)) {
            current = new BridgingClassLoader(requestLoader, discoveryLoader);
            bridge = current;
        }
        return current;
    }

    private static void send(BufferedResponse buffered, HttpServletResponse response) throws IOException {
        String body = buffered.bodyText();
        if (isJson(response.getContentType()) && !body.isEmpty()) {
            if (body.contains("\"errors\"")) {
                ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(body);
                body = coded.json();
                if (coded.requestError()) {
                    // a query that cannot run at all is the client's error, as schema validation failures are
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
            if (PlainNumbers.mayNeedRewrite(body)) {
                body = PlainNumbers.rewrite(body);
            }
        }
        byte[] bytes = body.getBytes(buffered.charset());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static void sendFailure(GraphQLFailure failure, HttpServletResponse response) throws IOException {
        byte[] bytes = failure.toJson().getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        if (failure.status() == 413) {
            // the rest of an oversized body was never read: end the connection rather than read it to reuse it
            response.setHeader("Connection", "close");
        }
        response.setStatus(failure.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
