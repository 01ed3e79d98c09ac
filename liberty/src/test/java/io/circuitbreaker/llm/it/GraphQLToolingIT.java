package io.circuitbreaker.llm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GraphQL endpoint as GraphQL tools use it (issue #16, item 10): the SDL a schema tool downloads, validation
 * errors a developer can act on, GraphiQL's introspection query, GET for queries, and the GraphQL over HTTP media type.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GraphQLToolingIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BASE = "http://localhost:" + System.getProperty("it.http.port", "19080") + "/";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.gatewayEar();
    }

    @Test
    void theServedSchemaIsASelfContainedDocumentARealParserAccepts() {
        HttpResponse<String> response = send(get("graphql/schema.graphql"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\nscalar BigDecimal\n"), response.body());
        assertTrue(response.body().contains("\nscalar BigInteger\n"), response.body());
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
                .parse(response.body()));
        assertTrue(schema.getMutationType().getFieldDefinition("configureLlmProvider") != null);
    }

    @Test
    void validationErrorsNameTheFieldAndArgumentAndLeaveNoFfdcEntry() {
        Set<Path> ffdcBefore = ffdcFiles();

        HttpResponse<String> field = send(post("{ foo }"));
        HttpResponse<String> argument = send(post("{ llmProvider(idd: \"openai\") { id } }"));

        assertEquals(400, field.statusCode(), field.body());
        JsonObject error = json(field).getJsonArray("errors").getJsonObject(0);
        assertEquals("Validation error (FieldUndefined@[foo]) : Field 'foo' in type 'Query' is undefined",
                error.getString("message"));
        assertEquals("VALIDATION", error.getJsonObject("extensions").getString("code"));
        assertEquals(Json.createObjectBuilder().add("line", 1).add("column", 3).build(),
                error.getJsonArray("locations").getJsonObject(0));
        assertEquals(400, argument.statusCode(), argument.body());
        assertTrue(argument.body().contains("'idd'"), argument.body());
        Set<Path> newEntries = ffdcFiles();
        newEntries.removeAll(ffdcBefore);
        assertEquals(Set.of(), newEntries.stream().filter(GraphQLToolingIT::aboutGraphql).collect(Collectors.toSet()));
    }

    @Test
    void graphiqlsIntrospectionQueryWithIsOneOfLoadsEveryType() {
        HttpResponse<String> response = send(post(resource("/graphql/graphql-js-introspection-oneOf.graphql")));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = json(response);
        assertFalse(answer.containsKey("errors"), response.body());
        JsonArray types = answer.getJsonObject("data").getJsonObject("__schema").getJsonArray("types");
        assertTrue(types.getValuesAs(JsonObject.class).stream().anyMatch(t -> t.getString("name")
                .equals("LlmproviderConfigInput")), response.body());
        for (JsonObject type : types.getValuesAs(JsonObject.class)) {
            assertEquals(JsonValue.FALSE, type.get("isOneOf"), type.getString("name"));
        }
    }

    @Test
    void aQueryRunsOverGetAndAMutationIsNotAllowed() {
        HttpResponse<String> query = send(get("graphql?query=" + encode("query Q($id: String!) { llmProvider(id: "
                + "$id) { id } } mutation M { removeRoute(name: \"x\") }") + "&operationName=Q&variables="
                + encode("{\"id\": \"openai\"}")));
        HttpResponse<String> mutation = send(get("graphql?query=" + encode("mutation { removeRoute(name: \"x\") }")));
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(BASE + "graphql?query="
                + encode("{ llmProviders { id } }"))).GET());

        assertEquals(200, query.statusCode(), query.body());
        assertEquals("openai", json(query).getJsonObject("data").getJsonObject("llmProvider").getString("id"));
        assertEquals(405, mutation.statusCode(), mutation.body());
        assertEquals("POST", mutation.headers().firstValue("Allow").orElse(""));
        assertEquals("METHOD_NOT_ALLOWED", json(mutation).getJsonArray("errors").getJsonObject(0)
                .getJsonObject("extensions").getString("code"));
        assertEquals(401, anonymous.statusCode(), "GET needs a gateway key as POST does");
    }

    @Test
    void graphqlResponseJsonIsAnsweredWithItsStatusCodes() {
        HttpResponse<String> ok = send(post("{ llmProviders { id } }").header("Accept", GRAPHQL_RESPONSE));
        HttpResponse<String> invalid = send(post("{ foo }").header("Accept", GRAPHQL_RESPONSE));
        HttpResponse<String> failed = send(post("{ recentRequests(limit: 0) { outcome } }")
                .header("Accept", GRAPHQL_RESPONSE));
        HttpResponse<String> overGet = send(get("graphql?query=" + encode("{ llmProviders { id } }"))
                .header("Accept", GRAPHQL_RESPONSE + ", application/json;q=0.9"));
        HttpResponse<String> plain = send(post("{ recentRequests(limit: 0) { outcome } }"));

        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(contentType(ok).startsWith(GRAPHQL_RESPONSE), contentType(ok));
        assertEquals(400, invalid.statusCode(), "a request error is 4xx");
        assertTrue(contentType(invalid).startsWith(GRAPHQL_RESPONSE), contentType(invalid));
        assertFalse(json(invalid).containsKey("data"), "a request error has no data entry: " + invalid.body());
        assertEquals(200, failed.statusCode(), "execution began: 200 even though the field failed");
        assertEquals("VALIDATION", json(failed).getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                .getString("code"));
        assertTrue(json(failed).containsKey("data"), failed.body());
        assertTrue(contentType(overGet).startsWith(GRAPHQL_RESPONSE), contentType(overGet));
        assertTrue(contentType(plain).startsWith("application/json"), "without the Accept header: as before");
    }

    private static HttpRequest.Builder get(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    private static HttpRequest.Builder post(String query) {
        return authorized(HttpRequest.newBuilder(URI.create(BASE + "graphql")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("query", query).build()
                        .toString()));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + GatewayClient.ADMIN_KEY);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response) {
        return GatewayClient.json(response);
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = GraphQLToolingIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test server's FFDC incident files (Liberty writes one per unexpected failure it catches). */
    private static Set<Path> ffdcFiles() {
        Path dir = Path.of(System.getProperty("wlp.home"), "usr", "servers", System.getProperty("wlp.server"), "logs",
                "ffdc");
        if (!Files.isDirectory(dir)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toCollection(HashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean aboutGraphql(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return text.contains("graphql") || text.contains("NoSuchMethodError");
        } catch (IOException e) {
            return true;
        }
    }
}
