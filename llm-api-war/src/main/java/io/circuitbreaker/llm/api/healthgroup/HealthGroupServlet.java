package io.circuitbreaker.llm.api.healthgroup;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code GET /health/group/llm-providers} (and {@code /health/group}, every group, which is this one) in
 * MicroProfile Health's wire format: 200 with status UP when every check is UP, else 503 with status DOWN. Only reads
 * the cache, so any number of requests never reaches a provider. The checks are one per configured provider, built
 * on each request (see {@link LlmProvidersGroup}).
 */
@WebServlet(urlPatterns = {"", "/" + LlmProvidersGroup.NAME})
public class HealthGroupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LlmProvidersGroup group;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthCheckResponse> checks = group.call();
        boolean up = checks.stream().allMatch(c -> c.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (HealthCheckResponse check : checks) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", check.getName())
                    .add("status", check.getStatus().name());
            check.getData().ifPresent(data -> json.add("data", data(data)));
            array.add(json);
        }
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // health is a snapshot of now: no proxy may serve an old one
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(Json.createObjectBuilder().add("status", up ? "UP" : "DOWN")
                .add("checks", array).build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObjectBuilder data(Map<String, Object> data) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        data.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                json.add(key, b);
            } else if (value instanceof Number n) {
                json.add(key, n.longValue());
            } else {
                json.add(key, String.valueOf(value));
            }
        });
        return json;
    }
}
