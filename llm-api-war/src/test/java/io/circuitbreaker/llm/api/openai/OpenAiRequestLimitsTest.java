package io.circuitbreaker.llm.api.openai;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ReasoningConfig;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link OpenAiRequestParser} refuses beyond single wrong values: arguments OpenAI does not know, too many
 * messages, bodies past the JSON parser's limits, and nested fields named by their path.
 */
class OpenAiRequestLimitsTest {

    private static final String HELLO = "\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]";

    // ---- top-level arguments ----

    @Test
    void everyDocumentedArgumentIsAcceptedAndNoneIsDropped() {
        // audio, functions and function_call are refused for every provider (OpenAiRequestParserTest)
        OpenAiChatRequest parsed = OpenAiRequestParser.parse("""
                {"model": "gpt-4o", %s,
                 "frequency_penalty": -2, "logit_bias": {"50256": -100}, "logprobs": true,
                 "metadata": {"team": "search"}, "modalities": ["text"], "moderation": {"mode": "auto"},
                 "prediction": {"type": "content", "content": "x"}, "presence_penalty": 2,
                 "prompt_cache_key": "k", "prompt_cache_options": {"ttl": "30m"}, "prompt_cache_retention": "24h",
                 "reasoning_effort": "low", "safety_identifier": "u-1", "service_tier": "auto", "store": false,
                 "top_logprobs": 3, "verbosity": "low", "web_search_options": {}}
                """.formatted(HELLO));

        ChatRequest request = parsed.request();
        assertEquals(ReasoningConfig.effort("low"), request.reasoning());
        assertEquals(-2.0, request.frequencyPenalty());
        assertEquals(2.0, request.presencePenalty());
        // the rest travels in the native body, and any other protocol's adapter refuses them by name
        assertEquals(List.of("logit_bias", "logprobs", "top_logprobs", "metadata", "moderation", "prediction",
                "prompt_cache_key", "prompt_cache_options", "prompt_cache_retention", "safety_identifier",
                "verbosity", "web_search_options"), request.untranslated());
    }

    @Test
    void theAcceptedArgumentsAreExactlyOpenAisList() {
        assertEquals(37, OpenAiParameters.KNOWN.size(), "chat.completions.create lists 37 arguments");
    }

    @Test
    void anUnknownArgumentIsRefusedInOpenAisWords() {
        InvalidOpenAiRequest e = refused("{\"model\": \"gpt-4o\", " + HELLO + ", \"temprature\": 0.5}");

        assertEquals("Unrecognized request argument supplied: temprature", e.getMessage());
        assertNull(e.param());
        assertNull(e.code());
        assertEquals(400, e.status());
    }

    @Test
    void severalUnknownArgumentsAreListedInTheOrderSent() {
        InvalidOpenAiRequest e = refused("{\"model\": \"gpt-4o\", " + HELLO
                + ", \"chat_template_kwargs\": {}, \"reasoning\": {\"enabled\": false}}");

        assertEquals("Unrecognized request arguments supplied: chat_template_kwargs, reasoning", e.getMessage());
    }

    @Test
    void unknownArgumentsAreRefusedBeforeAnythingElseIsChecked() {
        // OpenAI too names the unknown argument first, whatever else is wrong
        assertEquals("Unrecognized request argument supplied: api_key",
                refused("{\"api_key\": \"x\", \"temperature\": 9}").getMessage());
    }

    @Test
    void theRefusalQuotesAtMostTenNamesEachCutShort() {
        String many = IntStream.range(0, 50).mapToObj(i -> "\"x" + i + "\": 1").collect(Collectors.joining(", "));
        String longName = "n".repeat(100_000);

        String listed = refused("{\"model\": \"gpt-4o\", " + HELLO + ", " + many + "}").getMessage();
        String cut = refused("{\"model\": \"gpt-4o\", " + HELLO + ", \"" + longName + "\": 1}").getMessage();

        assertTrue(listed.endsWith("x8, x9, ..."), listed);
        assertTrue(cut.length() < 200, () -> cut.length() + " characters");
    }

    // ---- messages ----

    @Test
    void messagesUpToTheLimitAreAccepted() {
        assertEquals(3, OpenAiRequestParser.parse(messages(3), 3).request().messages().size());
    }

    @Test
    void moreMessagesThanTheLimitAreRefusedAsOpenAiRefusesThem() {
        InvalidOpenAiRequest e = assertThrows(InvalidOpenAiRequest.class,
                () -> OpenAiRequestParser.parse(messages(4), 3));

        assertEquals("messages", e.param());
        assertEquals("array_above_max_length", e.code());
        assertEquals("Invalid 'messages': array too long. Expected an array with maximum length 3, but got an array "
                + "with length 4 instead.", e.getMessage());
    }

    @Test
    void theDefaultLimitIs2048Messages() {
        OpenAiRequestParser.parse(messages(2048));
        assertEquals("messages", refused(messages(2049)).param());
    }

    // ---- values and paths ----

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusals")
    void refusedNamingTheParameter(String fields, String param, String message) {
        InvalidOpenAiRequest e = refused("{\"model\": \"gpt-4o\", " + fields + "}");

        assertEquals(param, e.param(), e::getMessage);
        assertTrue(e.getMessage().contains(message), e::getMessage);
        assertEquals(400, e.status());
    }

    static Stream<Arguments> refusals() {
        String user = "\"messages\": [{\"role\": \"user\", \"content\": ";
        return Stream.of(
                Arguments.of(HELLO + ", \"presence_penalty\": 2.5", "presence_penalty", "between -2 and 2"),
                Arguments.of(HELLO + ", \"frequency_penalty\": -3", "frequency_penalty", "between -2 and 2"),
                Arguments.of(HELLO + ", \"frequency_penalty\": \"0\"", "frequency_penalty", "must be a number"),
                Arguments.of(HELLO + ", \"stream_options\": true", "stream_options", "must be an object"),
                Arguments.of(HELLO + ", \"stream_options\": {\"include_usage\": \"yes\"}",
                        "stream_options.include_usage", "must be true or false"),
                Arguments.of(HELLO + ", \"temperature\": 1e400", "temperature", "between 0 and 2"),
                Arguments.of(HELLO + ", \"top_p\": -1e400", "top_p", "between 0 and 1"),
                Arguments.of(HELLO + ", \"max_tokens\": 99999999999999999999", "max_tokens", "out of range"),
                Arguments.of(HELLO + ", \"max_completion_tokens\": 1e400", "max_completion_tokens",
                        "must be an integer"),
                Arguments.of(HELLO + ", \"n\": 1.5", "n", "must be an integer"),
                Arguments.of(HELLO + ", \"seed\": 1e19", "seed", "must be an integer"),
                Arguments.of(HELLO + ", \"stream\": 1", "stream", "must be true or false"),
                Arguments.of("\"messages\": [{\"role\": 7, \"content\": \"Hi\"}]", "messages[0].role",
                        "must be a string"),
                Arguments.of("\"messages\": [{\"role\": \"user\", \"name\": [], \"content\": \"Hi\"}]",
                        "messages[0].name", "must be a string"),
                Arguments.of(user + "[\"Hi\"]}]", "messages[0].content[0]", "must be an object"),
                Arguments.of(user + "[{\"type\": 1}]}]", "messages[0].content[0].type", "must be a string"),
                Arguments.of(user + "[{\"type\": \"text\", \"text\": {}}]}]", "messages[0].content[0].text",
                        "must be a string"),
                Arguments.of(user + "[{\"type\": \"image_url\", \"image_url\": {\"url\": \"u\", \"detail\": 1}}]}]",
                        "messages[0].content[0].image_url.detail", "must be a string"),
                Arguments.of(user + "[{\"type\": \"" + "t".repeat(10_000) + "\"}]}]", "messages[0].content[0].type",
                        "are not supported"),
                Arguments.of("\"messages\": [{\"role\": \"assistant\", \"tool_calls\": [{\"id\": 1, "
                        + "\"function\": {\"name\": \"f\"}}]}]", "messages[0].tool_calls[0]", "needs id"),
                Arguments.of("\"messages\": [{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c\", "
                        + "\"function\": {\"name\": \"f\", \"arguments\": {}}}]}]",
                        "messages[0].tool_calls[0].function.arguments", "must be a string"),
                Arguments.of("\"messages\": [{\"role\": \"tool\", \"tool_call_id\": 5, \"content\": \"x\"}]",
                        "messages[0].tool_call_id", "must be a string"),
                Arguments.of(HELLO + ", \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", "
                        + "\"strict\": \"yes\"}}]", "tools[0].function.strict", "must be true or false"),
                Arguments.of(HELLO + ", \"response_format\": {\"type\": 1}", "response_format.type",
                        "must be a string"));
    }

    // ---- bodies past the JSON parser's own limits ----

    @Test
    void nestingDeeperThanTheParserAllowsIsA400() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        InvalidOpenAiRequest e = refused("{\"model\": \"gpt-4o\", " + HELLO + ", \"metadata\": " + deep + "}");

        assertNull(e.param());
        assertTrue(e.getMessage().contains("nesting depth"), e::getMessage);
    }

    @Test
    void aNumberLongerThanTheParserAllowsIsA400() {
        InvalidOpenAiRequest e = refused("{\"model\": \"gpt-4o\", " + HELLO + ", \"seed\": "
                + "9".repeat(100_000) + "}");

        assertTrue(e.getMessage().contains("number length"), e::getMessage);
    }

    // ---- helpers ----

    private static InvalidOpenAiRequest refused(String body) {
        return assertThrows(InvalidOpenAiRequest.class, () -> OpenAiRequestParser.parse(body));
    }

    private static String messages(int count) {
        return "{\"model\": \"gpt-4o\", \"messages\": ["
                + IntStream.range(0, count).mapToObj(i -> "{\"role\": \"user\", \"content\": \"m" + i + "\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }
}
