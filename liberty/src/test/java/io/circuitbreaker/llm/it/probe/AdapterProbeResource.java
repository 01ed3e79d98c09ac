package io.circuitbreaker.llm.it.probe;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.spi.BoundProviderClient;
import io.circuitbreaker.llm.spi.HealthProbe;
import io.circuitbreaker.llm.spi.ProviderClientFactory;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Drives the provider adapters inside Liberty, through the CDI factory, against the test's WireMock upstreams, and
 * reports what they produced as JSON. Lets the integration tests check the container wiring (qualified beans in the
 * EAR library, MicroProfile Rest Client, JSON-B, the JDK streaming client) on the real runtime.
 */
@Path("adapters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdapterProbeResource {

    @Inject
    ProviderClientFactory factory;

    @GET
    @Path("adapters")
    public JsonObject adapters() {
        JsonObjectBuilder result = Json.createObjectBuilder();
        for (ProviderType type : ProviderType.values()) {
            result.add(type.wireName(), factory.adapter(type).providerType().wireName());
        }
        return result.build();
    }

    @POST
    @Path("chat")
    public JsonObject chat(@QueryParam("type") String type, @QueryParam("baseUrl") String baseUrl,
            @QueryParam("model") String model, @QueryParam("key") String key, String prompt) throws Exception {
        try {
            ChatResponse response = client(type, baseUrl).chatCompletion(request(model, prompt), key)
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            JsonArrayBuilder calls = Json.createArrayBuilder();
            for (ToolCall call : response.choices().get(0).toolCalls()) {
                calls.add(Json.createObjectBuilder().add("id", String.valueOf(call.id())).add("name", call.name())
                        .add("arguments", call.argumentsJson()));
            }
            return Json.createObjectBuilder()
                    .add("provider", response.provider().wireName())
                    .add("text", response.text())
                    .add("finish", response.choices().get(0).finishReason().kind().name())
                    .add("finishRaw", String.valueOf(response.choices().get(0).finishReason().raw()))
                    .add("inputTokens", response.usage().inputTokens())
                    .add("outputTokens", response.usage().outputTokens())
                    .add("toolCalls", calls)
                    .build();
        } catch (java.util.concurrent.ExecutionException e) {
            return error(e.getCause());
        }
    }

    @POST
    @Path("stream")
    public JsonObject stream(@QueryParam("type") String type, @QueryParam("baseUrl") String baseUrl,
            @QueryParam("model") String model, @QueryParam("key") String key, String prompt) throws Exception {
        JsonArrayBuilder texts = Json.createArrayBuilder();
        int[] usage = {-1, -1};
        CompletableFuture<Void> done = new CompletableFuture<>();
        client(type, baseUrl).chatCompletionStream(request(model, prompt), key).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(StreamChunk chunk) {
                if (!chunk.textDelta().isEmpty()) {
                    texts.add(chunk.textDelta());
                }
                if (chunk.usage() != null) {
                    usage[0] = chunk.usage().inputTokens();
                    usage[1] = chunk.usage().outputTokens();
                }
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get(30, TimeUnit.SECONDS);
            return Json.createObjectBuilder().add("texts", texts).add("inputTokens", usage[0])
                    .add("outputTokens", usage[1]).build();
        } catch (java.util.concurrent.ExecutionException e) {
            return error(e.getCause());
        }
    }

    @GET
    @Path("health")
    public JsonObject health(@QueryParam("type") String type, @QueryParam("baseUrl") String baseUrl,
            @QueryParam("key") String key) throws Exception {
        HealthProbe probe = client(type, baseUrl).healthCheck(key).toCompletableFuture().get(30, TimeUnit.SECONDS);
        JsonObjectBuilder result = Json.createObjectBuilder().add("healthy", probe.healthy())
                .add("latencyMs", probe.latency().toMillis());
        if (probe.error() != null) {
            result.add("error", probe.error());
        }
        return result.build();
    }

    private BoundProviderClient client(String type, String baseUrl) {
        return factory.create(ProviderType.parse(type).orElseThrow(), baseUrl);
    }

    private static ChatRequest request(String model, String prompt) {
        return ChatRequest.builder(model).messages(ChatMessage.user(prompt)).maxTokens(64).build();
    }

    private static JsonObject error(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        JsonObjectBuilder error = Json.createObjectBuilder().add("error", t.getClass().getSimpleName())
                .add("message", String.valueOf(t.getMessage()));
        if (t instanceof LlmProviderException e) {
            error.add("kind", e.kind().name()).add("status", e.httpStatus()).add("retryable", e.retryable());
        }
        return error.build();
    }
}
