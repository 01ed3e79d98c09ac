package io.circuitbreaker.llm.api.graphql.servlet;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Writes what the client gets from {@link GraphQLRequestFilter}: the engine's answer rewritten, or a refusal. */
final class Answers {

    private Answers() {
    }

    /**
     * The engine's answer, with a code on every error (see {@link ErrorCodes}), {@code isOneOf} answered (see
     * {@link OneOfIntrospection}), decimals in plain notation (see {@link PlainNumbers}), in the negotiated media type.
     */
    static void send(BufferedResponse buffered, HttpServletResponse response, ResponseMedia media,
            Set<String> oneOfKeys) throws IOException {
        String body = buffered.bodyText();
        if (isJson(response.getContentType()) && !body.isEmpty()) {
            if (body.contains("\"errors\"")) {
                ErrorCodes.Coded coded = ErrorCodes.addMissingCodes(body, media == ResponseMedia.JSON);
                body = coded.json();
                if (coded.requestError()) {
                    // a query that cannot run at all is the client's error, as schema validation failures are
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
            if (!oneOfKeys.isEmpty()) {
                body = OneOfIntrospection.answer(body, oneOfKeys);
            }
            if (PlainNumbers.mayNeedRewrite(body)) {
                body = PlainNumbers.rewrite(body);
            }
            response.setContentType(media.contentType());
            write(body.getBytes(StandardCharsets.UTF_8), response);
            return;
        }
        write(body.getBytes(buffered.charset()), response);
    }

    /** The SDL document, completed with the scalars it uses (see {@link SchemaDocument}). */
    static void sendSchema(BufferedResponse buffered, HttpServletResponse response, GraphQLEngine engine)
            throws IOException {
        String body = buffered.bodyText();
        if (engine != null && response.getStatus() == HttpServletResponse.SC_OK && !body.isEmpty()) {
            body = SchemaDocument.complete(body, engine.customScalars());
        }
        write(body.getBytes(buffered.charset()), response);
    }

    static void sendFailure(GraphQLFailure failure, ResponseMedia media, HttpServletResponse response)
            throws IOException {
        byte[] bytes = failure.toJson(media == ResponseMedia.JSON).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        if (failure.status() == 413) {
            // the rest of an oversized body was never read: end the connection rather than read it to reuse it
            response.setHeader("Connection", "close");
        }
        if (failure.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST"); // only a mutation over GET is refused so
        }
        response.setStatus(failure.status());
        response.setContentType(media.contentType());
        write(bytes, response);
    }

    private static void write(byte[] bytes, HttpServletResponse response) throws IOException {
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }
}
