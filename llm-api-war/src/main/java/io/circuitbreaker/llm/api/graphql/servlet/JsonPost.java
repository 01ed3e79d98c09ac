package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A GraphQL request handed to the engine as {@code POST} with a JSON envelope body, the one form the engine reads
 * whatever the client sent: a GET's parameters, an {@code application/graphql} body, or an envelope whose query the
 * filter rewrote (see {@link OneOfIntrospection}).
 */
final class JsonPost extends CachedBodyRequest {

    private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

    private JsonPost(HttpServletRequest request, byte[] body) {
        super(request, body);
    }

    static HttpServletRequest of(HttpServletRequest request, JsonObject envelope) {
        return new JsonPost(request, envelope.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public String getHeader(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? CONTENT_TYPE : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? Collections.enumeration(List.of(CONTENT_TYPE))
                : super.getHeaders(name);
    }
}
