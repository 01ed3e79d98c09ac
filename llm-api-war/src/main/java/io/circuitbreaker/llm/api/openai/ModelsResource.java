package io.circuitbreaker.llm.api.openai;

import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.catalog.ProviderDefinition;
import io.circuitbreaker.llm.registry.ProviderRegistry;
import io.circuitbreaker.llm.router.RouterRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} in OpenAI's list shape: the routes, then every catalog model.
 * A model id offered by one provider is listed as is; one offered by several is listed as {@code provider/model} for
 * each, the unambiguous form the router accepts.
 */
@Path("models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    ProviderRegistry registry;

    @Inject
    RouterRuntime runtime;

    @GET
    public JsonObject list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        models(false).forEach((id, owner) -> data.add(model(id, owner)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    @GET
    @Path("{id: .+}")
    public Response get(@PathParam("id") String id) {
        String owner = models(true).get(id);
        if (owner == null) {
            OpenAiError error = new OpenAiError(404, "invalid_request_error", "model_not_found", "model",
                    "The model '" + id + "' does not exist", null);
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity(error.toJson()).build();
        }
        return Response.ok(model(id, owner)).build();
    }

    /**
     * Model id → owner (provider id, or {@code gateway} for routes), in listing order.
     *
     * @param everyForm also the {@code provider/model} form of models listed by their plain id (for look-ups)
     */
    private Map<String, String> models(boolean everyForm) {
        Map<String, String> result = new LinkedHashMap<>();
        runtime.routes().keySet().stream().sorted().forEach(route -> result.put(route, "gateway"));
        Map<String, Integer> offers = new HashMap<>();
        for (ProviderDefinition provider : registry.providers()) {
            for (ModelDefinition model : provider.models()) {
                offers.merge(model.id(), 1, Integer::sum);
            }
        }
        for (ProviderDefinition provider : registry.providers()) {
            for (ModelDefinition model : provider.models()) {
                String id = offers.get(model.id()) > 1 ? provider.id() + "/" + model.id() : model.id();
                result.putIfAbsent(id, provider.id());
                if (everyForm) {
                    result.putIfAbsent(provider.id() + "/" + model.id(), provider.id());
                }
            }
        }
        return result;
    }

    private static JsonObject model(String id, String owner) {
        return Json.createObjectBuilder().add("id", id).add("object", "model").add("created", 0)
                .add("owned_by", owner).build();
    }
}
