package io.circuitbreaker.llm.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A WireMock upstream that fails in every way a provider can, in each provider's own wire shape, and echoes the key
 * it was sent wherever a real upstream (or a proxy in front of one) might: error messages, plain-text bodies, a
 * response header, a malformed answer, an error event in the middle of a stream.
 *
 * <p>Which failure a chat gets is picked by its model id: {@code <scenario>-<anything>} (e.g. {@code e401-plain}).
 * A provider with id {@code p} lives under {@code /p}; its health probe (list models) is answered 401.
 */
final class EchoingUpstream implements AutoCloseable {

    enum Protocol { OPENAI, ANTHROPIC, GEMINI }

    /** Every scenario but the slow one: their answers are immediate. */
    static final List<String> SCENARIOS = List.of("e401", "e403", "e429", "e500", "e503", "etext", "ereset",
            "emalformed", "eerror200", "emidstream");
    /** Answers after {@link #DELAY_MS}: longer than the test server's openai_compatible first-byte plus idle limit. */
    static final String SLOW = "etimeout";
    static final int DELAY_MS = 5000;

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    EchoingUpstream() {
        server.start();
    }

    WireMockServer server() {
        return server;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Stubs every failing scenario for a provider under {@code /id}, echoing {@code key}, and its health probe. */
    void stubProvider(String id, Protocol protocol, String key) {
        for (String scenario : SCENARIOS) {
            server.stubFor(chat(id, protocol, scenario).willReturn(answer(protocol, scenario, key)));
        }
        String models = protocol == Protocol.GEMINI ? "/" + id + "/v1beta/models" : "/" + id + "/v1/models";
        server.stubFor(get(urlPathEqualTo(models)).willReturn(error(protocol, 401, key)));
    }

    /** An OpenAI-protocol provider under {@code /id} that answers well, but only after {@link #DELAY_MS}. */
    void stubSlow(String id) {
        server.stubFor(chat(id, Protocol.OPENAI, SLOW).willReturn(aResponse().withStatus(200).withFixedDelay(DELAY_MS)
                .withHeader("Content-Type", "application/json")
                .withBody(Deployments.fixture("openai/chat-completion.json"))));
    }

    private static MappingBuilder chat(String id, Protocol protocol, String scenario) {
        return switch (protocol) {
            case OPENAI -> post(urlPathEqualTo("/" + id + "/v1/chat/completions"))
                    .withRequestBody(matchingJsonPath("$.model", matching(scenario + "-.*")));
            case ANTHROPIC -> post(urlPathEqualTo("/" + id + "/v1/messages"))
                    .withRequestBody(matchingJsonPath("$.model", matching(scenario + "-.*")));
            case GEMINI -> post(urlPathMatching("/" + id + "/v1beta/models/" + scenario
                    + "-[a-z]+:(generateContent|streamGenerateContent)"));
        };
    }

    private static ResponseDefinitionBuilder answer(Protocol protocol, String scenario, String key) {
        return switch (scenario) {
            case "e401" -> error(protocol, 401, key);
            case "e403" -> error(protocol, 403, key);
            case "e429" -> error(protocol, 429, key).withHeader("retry-after", "1");
            case "e500" -> error(protocol, 500, key);
            case "e503" -> error(protocol, 503, key);
            case "etext" -> aResponse().withStatus(400).withHeader("Content-Type", "text/plain")
                    .withHeader("x-echo-key", key).withBody("Bad request: the API key " + key + " is not valid here");
            case "ereset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            // cut off in the middle, with the key in the part that did arrive
            case "emalformed" -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"served for " + key);
            case "eerror200" -> error(protocol, 500, key).withStatus(200);
            case "emidstream" -> aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                    .withHeader("x-echo-key", key).withBody(midStream(protocol, key));
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    /** The provider's own error body for the status, its message echoing the key, and the key in a header too. */
    static ResponseDefinitionBuilder error(Protocol protocol, int status, String key) {
        String body = switch (protocol) {
            case OPENAI -> "{\"error\":{\"message\":\"" + (status == 401 ? "Incorrect API key provided: " + key
                    + ". You can find your API key at https://platform.openai.com/account/api-keys."
                    : "Request " + status + " failed for key " + key) + "\",\"type\":\""
                    + (status == 401 ? "invalid_request_error" : status == 429 ? "requests" : "server_error")
                    + "\",\"param\":null,\"code\":" + (status == 401 ? "\"invalid_api_key\"" : "null") + "}}";
            case ANTHROPIC -> "{\"type\":\"error\",\"error\":{\"type\":\"" + switch (status) {
                case 401 -> "authentication_error";
                case 403 -> "permission_error";
                case 429 -> "rate_limit_error";
                default -> "api_error";
            } + "\",\"message\":\"invalid x-api-key " + key + "\"},\"request_id\":\"req_hygiene\"}";
            case GEMINI -> "{\"error\":{\"code\":" + status + ",\"message\":\"API key not valid: " + key
                    + ". Please pass a valid API key.\",\"status\":\"" + switch (status) {
                        case 401 -> "UNAUTHENTICATED";
                        case 403 -> "PERMISSION_DENIED";
                        case 429 -> "RESOURCE_EXHAUSTED";
                        case 503 -> "UNAVAILABLE";
                        default -> "INTERNAL";
                    } + "\"}}";
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-echo-key", key).withBody(body);
    }

    /** A stream that starts well, then fails with an error event that echoes the key. */
    private static String midStream(Protocol protocol, String key) {
        return switch (protocol) {
            case OPENAI -> "data: {\"id\":\"chatcmpl-h\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                    + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
                    + "\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
                    + "data: {\"error\":{\"message\":\"The server had an error for key " + key + "\","
                    + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";
            case ANTHROPIC -> "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_h\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                    + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n"
                    + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                    + "\"message\":\"Overloaded while serving key " + key + "\"}}\n\n";
            case GEMINI -> "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"},"
                    + "\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":1,"
                    + "\"totalTokenCount\":6},\"modelVersion\":\"m\"}\n\n"
                    + "data: {\"error\":{\"code\":500,\"message\":\"Internal error for key " + key + "\","
                    + "\"status\":\"INTERNAL\"}}\n\n";
        };
    }

    /** Stubs no request reached and requests no stub matched: either would leave a scenario untested. */
    List<String> unexercised() {
        Set<UUID> hit = server.getAllServeEvents().stream().filter(ServeEvent::getWasMatched)
                .map(event -> event.getStubMapping().getId()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        server.getStubMappings().stream().filter(stub -> !hit.contains(stub.getId())).forEach(stub ->
                problems.add("never called: " + stub.getRequest().toString().replaceAll("\\s+", " ")));
        server.findAllUnmatchedRequests()
                .forEach(request -> problems.add("no stub for " + request.getMethod() + " " + request.getUrl()));
        return problems;
    }

    @Override
    public void close() {
        server.stop();
    }
}
