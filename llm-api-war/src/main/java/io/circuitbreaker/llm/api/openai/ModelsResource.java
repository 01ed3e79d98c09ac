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
import jakarta.json.JsonObjectBuilder;
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
        models(false).forEach((id, listing) -> data.add(model(id, listing)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    @GET
    @Path("{id: .+}")
    public Response get(@PathParam("id") String id) {
        Listing listing = models(true).get(id);
        if (listing == null) {
            OpenAiError error = new OpenAiError(404, "invalid_request_error", "model_not_found", "model",
                    "The model '" + id + "' does not exist", null);
            return Response.status(404).type(MediaType.APPLICATION_JSON).entity(error.toJson()).build();
        }
        return Response.ok(model(id, listing)).build();
    }

    /**
     * Model id → owner (provider id, or {@code gateway} for routes) and deprecation, in listing order.
     *
     * @param everyForm also the {@code provider/model} form of models listed by their plain id (for look-ups)
     */
    private Map<String, Listing> models(boolean everyForm) {
        Map<String, Listing> result = new LinkedHashMap<>();
        runtime.routes().keySet().stream().sorted().forEach(route -> result.put(route, new Listing("gateway", false)));
        Map<String, Integer> offers = new HashMap<>();
        for (ProviderDefinition provider : registry.providers()) {
            for (ModelDefinition model : provider.models()) {
                offers.merge(model.id(), 1, Integer::sum);
            }
        }
        for (ProviderDefinition provider : registry.providers()) {
            for (ModelDefinition model : provider.models()) {
                String id = offers.get(model.id()) > 1 ? provider.id() + "/" + model.id() : model.id();
                Listing listing = new Listing(provider.id(), model.deprecated());
                result.putIfAbsent(id, listing);
                if (everyForm) {
                    result.putIfAbsent(provider.id() + "/" + model.id(), listing);
                }
            }
        }
        return result;
    }

    /**
     * OpenAI's model object. A model its provider retired carries {@code "deprecated": true} (OpenAI's own listing
     * has no such field; clients ignore fields they do not know, and operators see what to move off).
     */
    private static JsonObject model(String id, Listing listing) {
        JsonObjectBuilder model = Json.createObjectBuilder().add("id", id).add("object", "model").add("created", 0)
                .add("owned_by", listing.owner());
        if (listing.deprecated()) {
            model.add("deprecated", true);
        }
        return model.build();
    }

    private record Listing(String owner, boolean deprecated) {
    }
}
