package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiError;
import io.circuitbreaker.llm.api.openai.OpenAiResponses;
import io.circuitbreaker.llm.api.security.ApiKeyFilter;
import io.circuitbreaker.llm.responses.InputItemPage;
import io.circuitbreaker.llm.responses.ResponseStore;
import io.circuitbreaker.llm.responses.StoredResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET} and {@code DELETE /v1/responses/{id}} and {@code GET /v1/responses/{id}/input_items}, answering only
 * the key that made the response: for any other key it does not exist (404), so ids cannot be probed.
 */
final class StoredResponses {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9_-]{1,64})(/input_items)?/?");

    private final ResponseStore store;
    private final ResponseArchive archive;

    StoredResponses(ResponseStore store, ResponseArchive archive) {
        this.store = store;
        this.archive = archive;
    }

    void serve(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        Matcher matched = PATH.matcher(path);
        if (!matched.matches()) {
            OpenAiResponses.error(response, new OpenAiError(404, "invalid_request_error", "not_found", null,
                    "Invalid URL (" + request.getMethod() + " " + ResponsesServlet.PATH
                            + InvalidOpenAiRequest.excerpt(path) + ")", null));
            return;
        }
        String id = matched.group(1);
        boolean items = matched.group(2) != null;
        String method = request.getMethod();
        boolean allowed = "GET".equals(method) || !items && "DELETE".equals(method);
        if (!allowed) {
            response.setHeader("Allow", items ? "GET" : "GET, DELETE");
            OpenAiResponses.error(response, OpenAiError.methodNotAllowed(method, ResponsesServlet.PATH + path));
            return;
        }
        String keyId = ApiKeyFilter.caller(request).id();
        archive.awaitStored(id);
        try {
            if ("DELETE".equals(method)) {
                if (!store.delete(id, keyId, Instant.now())) {
                    throw notFound(id);
                }
                OpenAiResponses.json(response, 200, JSON.createObjectBuilder().add("id", id)
                        .add("object", "response.deleted").add("deleted", true).build());
                return;
            }
            Optional<StoredResponse> stored = store.find(id, keyId, Instant.now());
            if (stored.isEmpty()) {
                throw notFound(id);
            }
            OpenAiResponses.json(response, 200, items ? list(stored.get(), request) : parse(stored.get()
                    .responseJson()));
        } catch (InvalidOpenAiRequest e) {
            OpenAiResponses.error(response, e);
        }
    }

    /** One page as OpenAI's list object: {@code object, data, first_id, last_id, has_more}. */
    static JsonObject list(StoredResponse stored, HttpServletRequest request) {
        int limit = limit(request.getParameter("limit"));
        String order = request.getParameter("order");
        if (order != null && !"asc".equals(order) && !"desc".equals(order)) {
            throw new InvalidOpenAiRequest("order", "order must be asc or desc");
        }
        InputItemPage page;
        try {
            page = InputItemPage.of(ResponseArchive.inputItems(stored), limit, "asc".equals(order),
                    request.getParameter("after"));
        } catch (IllegalArgumentException e) {
            throw new InvalidOpenAiRequest("after", e.getMessage());
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        page.data().forEach(data::add);
        return JSON.createObjectBuilder().add("object", "list").add("data", data)
                .add("first_id", page.firstId() == null ? JsonValue.NULL : JSON.createValue(page.firstId()))
                .add("last_id", page.lastId() == null ? JsonValue.NULL : JSON.createValue(page.lastId()))
                .add("has_more", page.hasMore()).build();
    }

    private static int limit(String value) {
        if (value == null) {
            return InputItemPage.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= InputItemPage.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidOpenAiRequest("limit", "limit must be an integer between 1 and " + InputItemPage.MAX_LIMIT);
    }

    private static InvalidOpenAiRequest notFound(String id) {
        return new InvalidOpenAiRequest(404, "not_found", "response_id", "Response with id '" + id + "' not found.");
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
