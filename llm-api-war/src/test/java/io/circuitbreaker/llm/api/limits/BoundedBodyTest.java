package io.circuitbreaker.llm.api.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.FakeHttp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body up to the limit is read whole; one past it is refused without being read whole. */
class BoundedBodyTest {

    private static final int LIMIT = 1000;

    @Test
    void bodyUpToTheLimitIsReadWhole() throws Exception {
        String text = "x".repeat(LIMIT);

        byte[] body = BoundedBody.read(new FakeHttp.Request("POST").body(text).proxy(), LIMIT);

        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), body);
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() {
        FakeHttp.Request request = new FakeHttp.Request("POST").chunkedBody(10L * LIMIT).declaredLength(LIMIT + 1);

        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> BoundedBody.read(request.proxy(), LIMIT));

        assertEquals(LIMIT, e.limit());
        assertEquals(0, request.bytesRead());
    }

    @Test
    void chunkedBodyOverTheLimitIsReadOnlyOnePastIt() {
        // a gigabyte that never exists: the fake makes bytes as they are read
        FakeHttp.Request request = new FakeHttp.Request("POST").chunkedBody(1L << 30);

        assertThrows(BodyTooLargeException.class, () -> BoundedBody.read(request.proxy(), LIMIT));

        assertTrue(request.bytesRead() <= LIMIT + 1, () -> request.bytesRead() + " bytes read");
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() throws Exception {
        FakeHttp.Request request = new FakeHttp.Request("POST").chunkedBody(LIMIT);

        assertEquals(LIMIT, BoundedBody.read(request.proxy(), LIMIT).length);
    }

    @Test
    void emptyBodyIsEmpty() throws Exception {
        assertEquals(0, BoundedBody.read(new FakeHttp.Request("POST").proxy(), LIMIT).length);
    }
}
