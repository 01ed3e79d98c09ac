package io.circuitbreaker.llm.api.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses a request URI with an encoded dot ({@code %2E}), backslash ({@code %5C}) or hash ({@code %23}) anywhere, and
 * an encoded slash ({@code %2F}) anywhere but in the model id of {@code /v1/models/{id}}; the error page answers the
 * 400 in the client's error shape.
 *
 * <p>Why a filter of ours: Open Liberty refuses all four before any application code runs, which also refused
 * {@code GET /v1/models/openai%2Fgpt-4o}, the form in which the OpenAI SDKs send a {@code provider/model} id.
 * {@code WEB-INF/web.xml} turns Liberty's check off for this module alone ({@code SKIP_ENCODED_CHAR_VERIFICATION}, a
 * per-module form of the {@code webContainer} property {@code skipEncodedCharVerification}) and declares this filter,
 * so the check stays exactly as strict everywhere else. A model id with a dot segment ({@code openai%2F..%2Fx}) is
 * refused as well: no decoded path of ours ever climbs.
 */
public class EncodedPathFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String MODEL_PATH = "/v1/models/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (allowed(path)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    /**
     * @param path the request URI within the module, as the client sent it (not decoded)
     */
    static boolean allowed(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%5c") || lower.contains("%23")) {
            return false;
        }
        if (!lower.contains("%2f")) {
            return true;
        }
        if (!lower.startsWith(MODEL_PATH) || lower.length() == MODEL_PATH.length()) {
            return false;
        }
        for (String segment : lower.substring(MODEL_PATH.length()).replace("%2f", "/").split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
