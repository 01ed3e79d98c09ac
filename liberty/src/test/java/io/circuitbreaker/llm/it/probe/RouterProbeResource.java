package io.circuitbreaker.llm.it.probe;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.routing.Attempt;
import io.circuitbreaker.llm.access.GatewayKey;
import io.circuitbreaker.llm.access.KeyCache;
import io.circuitbreaker.llm.chat.ChatCall;
import io.circuitbreaker.llm.chat.ChatService;
import io.circuitbreaker.llm.failure.GatewayException;
import io.circuitbreaker.llm.routing.RoutedResponse;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.RouteDefinition;
import io.circuitbreaker.llm.routing.RouteStrategy;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.usage.UsageQueries;
import io.circuitbreaker.llm.usage.UsageRecordEntity;
import io.circuitbreaker.llm.usage.UsageRecorder;
import jakarta.ejb.EJB;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls the chat application service (and through it the router EJB) inside Liberty and reports what happened: the answer, the
 * attempts, the usage record read back from the database, and the breakers. Test-only.
 */
@Path("router")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RouterProbeResource {

    @Inject
    ChatService chat;

    @Inject
    KeyCache keys;

    @EJB
    UsageRecorder recorder;

    @EJB
    UsageQueries usage;

    @EJB
    ProviderRegistry registry;

    @Inject
    RouterRuntime runtime;

    /** Configures a provider (by type) at a base URL, with the catalog models of its type, and a fallback route. */
    @POST
    @Path("provider")
    public JsonObject provider(@QueryParam("id") String id, @QueryParam("type") String type,
            @QueryParam("baseUrl") String baseUrl) {
        ProviderType providerType = ProviderType.parse(type).orElseThrow();
        List<ModelDefinition> models = CatalogReader.defaultCatalog().stream()
                .filter(p -> p.providerType() == providerType).findFirst().orElseThrow().models();
        registry.upsert(new ProviderDefinition(id, providerType, id, baseUrl, id, models));
        return Json.createObjectBuilder().add("configured", id).build();
    }

    @POST
    @Path("route")
    public JsonObject route(@QueryParam("name") String name, @QueryParam("first") String first,
            @QueryParam("second") String second) {
        runtime.putRoute(new RouteDefinition(name, RouteStrategy.FALLBACK, List.of(
                new RouteDefinition.Candidate(first, 1), new RouteDefinition.Candidate(second, 1))));
        return Json.createObjectBuilder().add("route", name).build();
    }

    @POST
    @Path("chat")
    public JsonObject chat(@QueryParam("model") String model) throws Exception {
        String requestId = UUID.randomUUID().toString();
        ChatRequest request = ChatRequest.builder(model).messages(ChatMessage.user("Say hello")).maxTokens(50)
                .build();
        JsonObjectBuilder result = Json.createObjectBuilder().add("requestId", requestId);
        // the chat use case as every front door calls it, for the first active gateway key (the admin key)
        String keyId = keys.list().stream().filter(GatewayKey::isActive).findFirst().orElseThrow().id();
        result.add("callerKeyId", keyId);
        try {
            RoutedResponse routed = chat.complete(new ChatCall(keyId, requestId, request)).answer()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            result.add("text", routed.response().text())
                    .add("deployment", routed.deployment().key())
                    .add("attempts", attempts(routed.attempts()))
                    .add("cost", routed.cost().map(c -> c.total().toPlainString()).orElse("unpriced"));
        } catch (ExecutionException e) {
            result.add("error", e.getCause().getClass().getSimpleName())
                    .add("message", String.valueOf(e.getCause().getMessage()));
            if (e.getCause() instanceof GatewayException failed) {
                result.add("attempts", attempts(failed.attempts()));
            }
        }
        return result.build();
    }

    /**
     * Starts a complete answer as a front door does, then cancels it after {@code afterMs}, as a front door does when
     * its client has gone: what the router and the adapter do then is what the test checks.
     */
    @POST
    @Path("chat-cancelled")
    public JsonObject chatCancelled(@QueryParam("model") String model, @QueryParam("afterMs") long afterMs)
            throws Exception {
        String requestId = UUID.randomUUID().toString();
        ChatRequest request = ChatRequest.builder(model).messages(ChatMessage.user("Say hello")).maxTokens(50)
                .build();
        String keyId = keys.list().stream().filter(GatewayKey::isActive).findFirst().orElseThrow().id();
        var answer = chat.complete(new ChatCall(keyId, requestId, request)).answer().toCompletableFuture();
        Thread.sleep(afterMs);
        boolean cancelled = answer.cancel(true);
        return Json.createObjectBuilder().add("requestId", requestId).add("cancelled", cancelled).build();
    }

    @GET
    @Path("usage")
    public JsonObject usage(@QueryParam("requestId") String requestId) {
        recorder.flush();
        JsonArrayBuilder records = Json.createArrayBuilder();
        for (UsageRecordEntity r : usage.byRequestId(requestId)) {
            JsonObjectBuilder record = Json.createObjectBuilder()
                    .add("providerId", String.valueOf(r.providerId))
                    .add("model", String.valueOf(r.model))
                    .add("route", String.valueOf(r.route))
                    .add("attempts", r.attempts)
                    .add("fallbacks", r.fallbacks)
                    .add("attemptLog", String.valueOf(r.attemptLog))
                    .add("outcome", r.outcome)
                    .add("callerKeyId", String.valueOf(r.callerKeyId))
                    .add("cost", r.costUsd == null ? "null" : r.costUsd.stripTrailingZeros().toPlainString());
            if (r.inputTokens != null) {
                record.add("inputTokens", r.inputTokens).add("outputTokens", r.outputTokens);
            }
            records.add(record);
        }
        return Json.createObjectBuilder().add("records", records).build();
    }

    @GET
    @Path("breaker")
    public JsonObject breaker(@QueryParam("deployment") String deployment) {
        var snapshot = runtime.breakers().snapshots().get(deployment);
        return Json.createObjectBuilder().add("state", snapshot == null ? "NONE" : snapshot.state().name()).build();
    }

    private static JsonArrayBuilder attempts(List<Attempt> attempts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        attempts.forEach(a -> array.add(a.toString()));
        return array;
    }
}
