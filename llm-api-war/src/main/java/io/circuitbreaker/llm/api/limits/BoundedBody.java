package io.circuitbreaker.llm.api.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit. A declared {@code Content-Length} over the limit is refused before a byte is
 * read; a chunked body (no length) is read only up to one byte past the limit, so an oversized body never sits in
 * memory whole.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /** The whole body, at most {@code limit} bytes. */
    public static byte[] read(HttpServletRequest request, int limit) throws IOException, BodyTooLargeException {
        if (request.getContentLengthLong() > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            // readNBytes grows its buffer as data arrives: a short body costs what it is, not the limit
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return bytes;
        }
    }
}
