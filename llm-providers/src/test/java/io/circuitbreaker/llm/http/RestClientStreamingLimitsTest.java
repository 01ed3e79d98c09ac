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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Why streams do not go through MicroProfile Rest Client (see {@link SseStreamPublisher}): its non-blocking call
 * ({@code CompletionStage<Response>}) hands the caller nothing until the upstream has finished the whole body, so a
 * streamed answer would reach the client only at its end. The same exchange through {@link SseStreamPublisher}
 * delivers the first event while the upstream is still writing ({@code SseStreamPublisherTest}).
 */
class RestClientStreamingLimitsTest {

    public interface StreamingApi {
        @POST
        @Path("s")
        @Produces("text/event-stream")
        CompletionStage<Response> stream(String body);
    }

    @Test
    void restClientAsyncCallBuffersTheWholeStreamBeforeAnsweringAnything() throws Exception {
        try (ScriptedSseServer upstream = new ScriptedSseServer()) {
            StreamingApi api = RestClients.forEndpoint(StreamingApi.class,
                    ProviderEndpoint.of(ProviderType.OPENAI, upstream.baseUrl()));
            CompletableFuture<String> body = api.stream("{}")
                    .thenApply(response -> response.readEntity(String.class)).toCompletableFuture();
            assertTrue(upstream.requestReceived.await(5, TimeUnit.SECONDS));

            upstream.send("first");
            assertStillPending(body, "the first event was sent, yet the Rest Client has delivered nothing");

            upstream.send("[DONE]");
            upstream.finish();
            assertEquals("data: first\n\ndata: [DONE]\n\n", body.get(5, TimeUnit.SECONDS));
        }
    }

    private static void assertStillPending(CompletableFuture<String> body, String why) throws Exception {
        try {
            body.get(1, TimeUnit.SECONDS);
            assertFalse(true, why);
        } catch (TimeoutException expected) {
            assertFalse(body.isDone(), why);
        }
    }
}
