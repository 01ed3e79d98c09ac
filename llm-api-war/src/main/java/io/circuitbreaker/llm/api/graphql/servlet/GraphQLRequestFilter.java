package io.circuitbreaker.llm.api.graphql.servlet;

import io.circuitbreaker.llm.api.graphql.liberty.LibertyGraphQL;
import io.circuitbreaker.llm.api.limits.RequestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Wraps every request to the MicroProfile GraphQL endpoint to make the container's behaviour fit the gateway:
 * <ul>
 *   <li>a body over {@code llm.limits.graphql-max-body-bytes}, a malformed JSON envelope, or a query nested too
 *       deep, selecting too many fields or too long is answered with a GraphQL error before the engine parses it
 *       (see {@link RequestAdmission}); a query sent with GET is handed on as a POST (see {@link GetRequest});</li>
 *   <li>a query that does not match the schema is answered with the engine's own validation errors before the
 *       engine runs it, and {@code __Type.isOneOf} is answered for the engine (see {@link QueryValidation});</li>
 *   <li>resolver beans are looked up under the class loader they were discovered with, while argument classes
 *       still load from this module (see {@link LibertyGraphQL#requestLoader} for the Open Liberty EAR issue this
 *       works around);</li>
 *   <li>failures that escape the GraphQL servlet become GraphQL errors with a code (see {@link GraphQLFailure}), and
 *       every error in an answer carries an {@code extensions.code} (see {@link ErrorCodes});</li>
 *   <li>numbers are sent in plain notation (see {@link PlainNumbers}), so prices read {@code 0.000000075};</li>
 *   <li>answers are {@code application/graphql-response+json} for a client that asks for it (see
 *       {@link ResponseMedia}), and the schema document declares the scalars it uses (see {@link SchemaDocument}).</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class GraphQLRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GraphQLRequestFilter.class.getName());
    private static final String SCHEMA_DOCUMENT = "/graphql/schema.graphql";

    /** Body size and query limits, from configuration at {@link #init()}. */
    private transient RequestLimits limits = RequestLimits.DEFAULTS;

    /**
     * The container's graphql-java, looked up once on first use (the container stores its schema as the web module
     * starts, before any request); empty where it cannot be reached, and the engine is then left to itself.
     */
    private transient volatile Optional<GraphQLEngine> engine;

    @Override
    public void init() {
        limits = RequestLimits.from(ConfigProvider.getConfig());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ResponseMedia media = ResponseMedia.negotiate(request.getHeader("Accept"));
        if (isSchemaDocument(request)) {
            BufferedResponse buffered = new BufferedResponse(response);
            if (passOn(request, buffered, response, media, chain)) {
                Answers.sendSchema(buffered, response, engine(request));
            }
            return;
        }
        RequestAdmission admission = RequestAdmission.admit(request, limits);
        if (admission.refusal() != null) {
            Answers.sendFailure(admission.refusal(), media, response);
            return;
        }
        QueryValidation.Outcome outcome = QueryValidation.check(engine(request), admission);
        if (outcome.refusal() != null) {
            Answers.sendFailure(outcome.refusal(), media, response);
            return;
        }
        BufferedResponse buffered = new BufferedResponse(response);
        if (passOn(outcome.admission().request(), buffered, response, media, chain)) {
            Answers.send(buffered, response, media, outcome.oneOfKeys());
        }
    }

    /** Runs the GraphQL servlet; {@code false} when it failed and the failure has been answered instead. */
    private static boolean passOn(HttpServletRequest request, BufferedResponse buffered, HttpServletResponse response,
            ResponseMedia media, FilterChain chain) throws IOException, ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader requestLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(LibertyGraphQL.requestLoader(requestLoader));
        try {
            chain.doFilter(request, buffered);
            return true;
        } catch (IOException | ServletException | RuntimeException | LinkageError failure) {
            Optional<GraphQLFailure> known = GraphQLFailure.classify(failure);
            if (known.isEmpty()) {
                throw failure;
            }
            LOG.log(Level.FINE, "GraphQL request rejected: " + known.get().code(), failure);
            Answers.sendFailure(known.get(), media, response);
            return false;
        } finally {
            thread.setContextClassLoader(requestLoader);
        }
    }

    private static boolean isSchemaDocument(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + SCHEMA_DOCUMENT);
    }

    private GraphQLEngine engine(HttpServletRequest request) {
        Optional<GraphQLEngine> found = engine;
        if (found == null) {
            found = GraphQLEngine.of(request.getServletContext());
            engine = found;
        }
        return found.orElse(null);
    }
}
