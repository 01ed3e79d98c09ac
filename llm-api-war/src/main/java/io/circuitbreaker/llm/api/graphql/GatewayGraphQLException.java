package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.error.Secrets;
import org.eclipse.microprofile.graphql.GraphQLException;

/**
 * A failure the client should see, with the code it can switch on. A checked {@link GraphQLException}, because
 * MicroProfile GraphQL shows the message of those to clients and hides every other exception's.
 *
 * <p>The engine offers no portable way to add {@code extensions}, so the message carries the code as a
 * {@code [CODE] } prefix; the servlet filter moves it into {@code extensions.code} (see
 * {@code servlet.ErrorCodes}). Messages are redacted: no key-looking text reaches a client.
 */
public class GatewayGraphQLException extends GraphQLException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public GatewayGraphQLException(String code, String message) {
        super("[" + code + "] " + Secrets.redact(message));
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static GatewayGraphQLException validation(String message) {
        return new GatewayGraphQLException("VALIDATION", message);
    }

    public static GatewayGraphQLException notFound(String message) {
        return new GatewayGraphQLException("NOT_FOUND", message);
    }
}
