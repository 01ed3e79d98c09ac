package io.circuitbreaker.llm.api.errors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web module's error page ({@code WEB-INF/web.xml}): every error the container answers instead of the gateway's
 * code comes here. Under {@code /v1} the answer is OpenAI's error JSON, so an SDK raises its usual typed exception;
 * elsewhere a plain-text status line. Never the exception's text or a stack trace.
 *
 * <p>Why the container answers at all: its own pages show the exception and where it was thrown, and it answers
 * before the application for a method a servlet does not serve, for a URI {@link EncodedPathFilter} refuses (400) or
 * one nothing serves (404). Under {@code /v1/messages} (Anthropic's Messages API)
 * the answer is Anthropic's error JSON instead, for the Anthropic SDKs. A URI with an encoded NUL is refused even earlier,
 * by the web container outside any application, with a short HTML line and no stack trace: no error page reaches it.
 *
 * <p>Self-contained (no {@code api.openai} class) because the health-group module is built from the same sources and
 * {@code web.xml} and carries this package alone next to its own.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/error";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // called directly rather than by the container: there is nothing here
        int status = code instanceof Integer number && number >= 400 && number <= 599 ? number
                : HttpServletResponse.SC_NOT_FOUND;
        String path = uri instanceof String text ? text.substring(Math.min(text.length(),
                request.getContextPath().length())) : request.getServletPath();
        response.resetBuffer();
        response.setStatus(status);
        byte[] body;
        if (path.equals("/v1/messages") || path.startsWith("/v1/messages/")) {
            response.setContentType("application/json");
            body = anthropicError(status, request.getMethod(), path).toString().getBytes(StandardCharsets.UTF_8);
        } else if (path.equals("/v1") || path.startsWith("/v1/")) {
            response.setContentType("application/json");
            body = openAiError(status, request.getMethod(), path).toString().getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/plain");
            body = (status + " " + reason(status) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** OpenAI's {@code {"error": {message, type, param, code}}} for a status the container chose. */
    static JsonObject openAiError(int status, String method, String path) {
        String shown = path.length() <= 80 ? path : path.substring(0, 80) + "...";
        String type = status >= 500 ? "api_error" : "invalid_request_error";
        String code;
        String message;
        switch (status) {
            case 400 -> {
                code = "invalid_url";
                message = "The request URI is not valid: the gateway refuses an encoded '.', '\\' or '#' in a path, "
                        + "and an encoded '/' outside the model id of /v1/models/{id}";
            }
            case 404 -> {
                code = "unknown_url";
                message = "Unknown endpoint " + shown + ": the gateway offers /v1/chat/completions, /v1/responses, "
                        + "/v1/embeddings, /v1/messages, /v1/messages/count_tokens and /v1/models";
            }
            case 405 -> {
                code = "method_not_allowed";
                message = "Method " + method + " is not allowed on " + shown;
            }
            default -> {
                code = status >= 500 ? "internal_error" : null;
                message = status >= 500 ? "the gateway failed to handle the request; see its log"
                        : reason(status);
            }
        }
        return JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                .add("message", message)
                .add("type", type)
                .add("param", JsonValue.NULL)
                .add("code", code == null ? JsonValue.NULL : JSON.createValue(code))).build();
    }

    /**
     * Anthropic's {@code {"type": "error", "error": {type, message}}} for a status the container chose, the type by
     * Anthropic's table of statuses; the message as for OpenAI's shape.
     */
    static JsonObject anthropicError(int status, String method, String path) {
        String message = openAiError(status, method, path).getJsonObject("error").getString("message");
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        return JSON.createObjectBuilder().add("type", "error").add("error", JSON.createObjectBuilder()
                .add("type", type).add("message", message)).build();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
