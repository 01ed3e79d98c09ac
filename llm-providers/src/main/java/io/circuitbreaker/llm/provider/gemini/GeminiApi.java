package io.circuitbreaker.llm.provider.gemini;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The models list of the Generative Language API v1beta as a MicroProfile Rest Client, relative to the API root (e.g.
 * {@code https://generativelanguage.googleapis.com}): the health probe. Content generation goes through the Jetty
 * client ({@link io.circuitbreaker.llm.http.UpstreamCall}). The key travels only in the {@code x-goog-api-key}
 * header, on every call: the API also accepts {@code ?key=}, but URLs end up in access logs and proxies.
 */
@Path("v1beta")
public interface GeminiApi {

    /** Header carrying the API key. */
    String API_KEY_HEADER = "x-goog-api-key";

    /** Health probe: lists models, which costs no tokens. */
    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam(API_KEY_HEADER) String apiKey,
            @QueryParam("pageSize") Integer pageSize);
}
