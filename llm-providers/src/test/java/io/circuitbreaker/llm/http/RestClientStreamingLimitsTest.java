package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.spi.ProviderEndpoint;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Why streams do not go through MicroProfile Rest Client (see {@link SseStreamPublisher}): even its non-blocking
 * call ({@code CompletionStage<Response>}) gives the body only as a blocking {@code InputStream}. Reading a stream
 * through it pins a thread in a socket read for as long as the upstream is silent, i.e. one thread per open stream
 * for its whole life (a slow 10 s answer holds a thread 10 s). The JDK client delivers the same lines to a
 * non-blocking subscriber ({@code SseStreamPublisherTest}).
 */
class RestClientStreamingLimitsTest {

    public interface StreamingApi {
        @POST
        @Path("s")
        @Produces("text/event-stream")
        CompletionStage<Response> stream(String body);
    }

    @Test
    void restClientStreamBodyCanOnlyBeReadByAThreadBlockedInASocketRead() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            StreamingApi api = RestClients.forEndpoint(StreamingApi.class,
                    ProviderEndpoint.of(ProviderType.OPENAI, upstream.baseUrl()));
            Response response = api.stream("{}").toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(200, response.getStatus());

            InputStream body = response.readEntity(InputStream.class);
            CompletableFuture<String> firstLine = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    firstLine.complete(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))
                            .readLine());
                } catch (Exception e) {
                    firstLine.completeExceptionally(e);
                }
            }, "rest-client-stream-reader");
            reader.setDaemon(true);
            reader.start();

            assertTrue(waitUntilBlockedInSocketRead(reader),
                    "while the upstream is silent, the only way to get the next event is a thread parked in a "
                            + "socket read; its stack was " + Arrays.toString(reader.getStackTrace()));
            assertFalse(firstLine.isDone());

            upstream.send("first");
            assertEquals("data: first", firstLine.get(5, TimeUnit.SECONDS));
            upstream.send("[DONE]");
            upstream.finish();
            response.close();
        }
    }

    private static boolean waitUntilBlockedInSocketRead(Thread reader) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            boolean inSocketRead = Arrays.stream(reader.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().contains("Socket") && frame.getMethodName().contains("read"));
            if (inSocketRead) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
