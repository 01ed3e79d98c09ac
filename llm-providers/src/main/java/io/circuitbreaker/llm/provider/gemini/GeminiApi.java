package io.circuitbreaker.llm.provider.gemini;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The Generative Language API v1beta, relative to the API root (e.g. {@code https://generativelanguage.googleapis.com}).
 * The key travels only in the {@code x-goog-api-key} header: the API also accepts {@code ?key=}, but URLs end up in
 * access logs and proxies. Bodies are JSON text so the adapter controls exactly what is sent.
 */
@Path("v1beta")
public interface GeminiApi {

    /** Header carrying the API key. */
    String API_KEY_HEADER = "x-goog-api-key";

    @POST
    @Path("models/{model}:generateContent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> generateContent(@PathParam("model") String model,
            @HeaderParam(API_KEY_HEADER) String apiKey, String body);

    /** Health probe: lists models, which costs no tokens. */
    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<Response> listModels(@HeaderParam(API_KEY_HEADER) String apiKey,
            @QueryParam("pageSize") Integer pageSize);
}
