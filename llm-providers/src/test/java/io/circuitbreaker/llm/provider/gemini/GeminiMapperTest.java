package io.circuitbreaker.llm.provider.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.error.ContentFilteredException;
import io.circuitbreaker.llm.error.ErrorKind;
import io.circuitbreaker.llm.error.InvalidRequestException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.Json;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolChoice;
import io.circuitbreaker.llm.model.ToolDefinition;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Fixtures;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiMapperTest {

    // ------------------------------------------------------------------ request

    static final String WEATHER_SCHEMA = """
            {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "urn:weather", "type": "object",
             "additionalProperties": false, "strict": true,
             "properties": {
               "city": {"type": "string", "description": "City name", "minLength": 1, "$comment": "free text",
                        "format": "hostname"},
               "priority": {"type": "integer", "enum": [1, 2, 3]},
               "since": {"type": "string", "format": "date-time"},
               "units": {"type": ["string", "null"], "enum": ["metric", "imperial", null]},
               "strict": {"type": "boolean", "description": "a parameter that happens to be called strict"},
               "days": {"type": "array", "items": {"type": "integer", "exclusiveMinimum": 0}, "maxItems": 7,
                        "uniqueItems": true},
               "where": {"allOf": [{"$ref": "#/$defs/Place"}], "description": "where to look"}
             },
             "required": ["city", "units", "strict"],
             "$defs": {"Place": {"type": "object", "additionalProperties": false,
                                 "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
                                 "required": ["lat", "lon"]}}}
            """;

    static ChatRequest richRequest() {
        return ChatRequest.builder("gemini-2.5-flash")
                .messages(
                        ChatMessage.system("You are terse."),
                        ChatMessage.system("Answer in English."),
                        new ChatMessage(Role.USER, List.of(
                                ContentPart.text("Describe these"),
                                new ContentPart.ImageBase64("image/png", "iVBORw0KGgo="),
                                new ContentPart.ImageUrl("data:image/webp;base64,UklGRg==", null),
                                new ContentPart.ImageUrl("https://example.com/cat.PNG?size=large", "high"),
                                new ContentPart.ImageUrl("https://example.com/photo", null)), null, null, null),
                        new ChatMessage(Role.ASSISTANT, List.of(ContentPart.text("Let me check.")), null, List.of(
                                new ToolCall("call_a", "get_weather", "{\"city\":\"Paris\",\"units\":\"metric\"}"),
                                new ToolCall("call_b", "get_time", "{}")), null),
                        ChatMessage.toolResult("call_a", "{\"temp\":21,\"sky\":\"clear\"}"),
                        ChatMessage.toolResult("call_b", "12:00"),
                        ChatMessage.user("And tomorrow?"))
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(256)
                .stop(List.of("END"))
                .seed(42L)
                .user("end-user-1")
                .parallelToolCalls(Boolean.TRUE)
                .tools(List.of(
                        new ToolDefinition("get_weather", "Current weather", WEATHER_SCHEMA, Boolean.TRUE),
                        new ToolDefinition("get_time", "Current time",
                                "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}", null)))
                .toolChoice(ToolChoice.function("get_weather"))
                .responseFormat(new ResponseFormat(ResponseFormat.Type.JSON_SCHEMA, "answer", """
                        {"type": "object", "additionalProperties": false,
                         "properties": {"answer": {"type": "string"}, "kind": {"const": "weather"},
                                        "alt": {"oneOf": [{"type": "string"}, {"type": "integer"}]}},
                         "required": ["answer"]}
                        """, Boolean.TRUE))
                .build();
    }

    static final String RICH_REQUEST_JSON = """
            {
              "contents": [
                {"role": "user", "parts": [
                  {"text": "Describe these"},
                  {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}},
                  {"inlineData": {"mimeType": "image/webp", "data": "UklGRg=="}},
                  {"fileData": {"mimeType": "image/png", "fileUri": "https://example.com/cat.PNG?size=large"}},
                  {"fileData": {"mimeType": "image/jpeg", "fileUri": "https://example.com/photo"}}
                ]},
                {"role": "model", "parts": [
                  {"text": "Let me check."},
                  {"functionCall": {"name": "get_weather", "args": {"city": "Paris", "units": "metric"}},
                   "thoughtSignature": "skip_thought_signature_validator"},
                  {"functionCall": {"name": "get_time", "args": {}}}
                ]},
                {"role": "user", "parts": [
                  {"functionResponse": {"name": "get_weather", "response": {"temp": 21, "sky": "clear"}}},
                  {"functionResponse": {"name": "get_time", "response": {"content": "12:00"}}},
                  {"text": "And tomorrow?"}
                ]}
              ],
              "systemInstruction": {"parts": [{"text": "You are terse.\\n\\nAnswer in English."}]},
              "tools": [{"functionDeclarations": [
                {"name": "get_weather", "description": "Current weather", "parameters": {
                  "type": "object",
                  "properties": {
                    "city": {"type": "string", "description": "City name", "minLength": 1},
                    "priority": {"type": "string", "enum": ["1", "2", "3"]},
                    "since": {"type": "string", "format": "date-time"},
                    "units": {"type": "string", "enum": ["metric", "imperial"], "nullable": true},
                    "strict": {"type": "boolean", "description": "a parameter that happens to be called strict"},
                    "days": {"type": "array", "items": {"type": "integer"}, "maxItems": 7},
                    "where": {"type": "object", "description": "where to look",
                              "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
                              "required": ["lat", "lon"]}
                  },
                  "required": ["city", "units", "strict"]
                }},
                {"name": "get_time", "description": "Current time"}
              ]}],
              "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_weather"]}},
              "generationConfig": {
                "temperature": 0.2, "topP": 0.9, "maxOutputTokens": 256, "stopSequences": ["END"], "seed": 42,
                "responseMimeType": "application/json",
                "responseSchema": {"type": "object",
                  "properties": {"answer": {"type": "string"}, "kind": {"enum": ["weather"], "type": "string"},
                                 "alt": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
                  "required": ["answer"]}
              }
            }
            """;

    static JsonValue json(String text) {
        return Json.fromJson(text, JsonValue.class);
    }

    @Test
    void richRequestBecomesExactlyTheExpectedGeminiJson() {
        String produced = Json.toJson(GeminiMapper.toRequest(richRequest()));
        assertEquals(json(RICH_REQUEST_JSON), json(produced), produced);
    }

    @Test
    void minimalRequestSendsOnlyContents() {
        String produced = Json.toJson(GeminiMapper.toRequest(ChatRequest.builder("gemini-2.5-flash")
                .messages(ChatMessage.user("Hi")).build()));
        assertEquals(json("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}"), json(produced));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AUTO     |      | {\"mode\":\"AUTO\"}",
            "NONE     |      | {\"mode\":\"NONE\"}",
            "REQUIRED |      | {\"mode\":\"ANY\"}",
            "FUNCTION | sum  | {\"mode\":\"ANY\",\"allowedFunctionNames\":[\"sum\"]}"})
    void toolChoiceBecomesFunctionCallingConfig(ToolChoice.Mode mode, String name, String expected) {
        GeminiRequest request = GeminiMapper.toRequest(ChatRequest.builder("m")
                .messages(ChatMessage.user("Hi")).toolChoice(new ToolChoice(mode, name)).build());
        assertEquals(json(expected), json(Json.toJson(request.toolConfig().functionCallingConfig())));
    }

    @Test
    void oneFunctionCallAtMostCannotBeAskedOfGeminiAndIsRefusedByName() {
        ChatRequest.Builder request = ChatRequest.builder("m").messages(ChatMessage.user("Hi"))
                .tools(List.of(new ToolDefinition("sum", "adds", "{\"type\":\"object\"}", null)));
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> GeminiMapper.toRequest(request.parallelToolCalls(false).build()));
        assertTrue(refused.getMessage().contains("parallel_tool_calls"), refused.getMessage());
        // allowing parallel calls is Gemini's own behaviour: nothing to send, nothing refused
        GeminiMapper.toRequest(request.parallelToolCalls(true).build());
    }

    @Test
    void jsonObjectFormatOnlySetsTheMimeType() {
        GeminiRequest request = GeminiMapper.toRequest(ChatRequest.builder("m")
                .messages(ChatMessage.user("Hi")).responseFormat(ResponseFormat.JSON_OBJECT).build());
        assertEquals(json("{\"responseMimeType\":\"application/json\"}"),
                json(Json.toJson(request.generationConfig())));
    }

    @Test
    void recursiveReferenceStopsAtABareObject() {
        String schema = """
                {"type": "object", "properties": {"root": {"$ref": "#/definitions/Node"}},
                 "definitions": {"Node": {"type": "object", "properties": {
                   "name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}}}}}}
                """;
        String expected = """
                {"type": "object", "properties": {"root": {"type": "object", "properties": {
                  "name": {"type": "string"}, "children": {"type": "array", "items": {"type": "object"}}}}}}
                """;
        assertEquals(json(expected), GeminiSchemas.clean(json(schema).asJsonObject()));
    }

    @Test
    void emptyNestedPropertiesAreLeftOut() {
        assertEquals(json("{\"type\":\"object\",\"properties\":{\"meta\":{\"type\":\"object\"}}}"),
                GeminiSchemas.parameters(json("{\"type\":\"object\",\"properties\":{\"meta\":{\"type\":\"object\","
                        + "\"properties\":{},\"additionalProperties\":true}}}").asJsonObject()));
        assertNull(GeminiSchemas.parameters(json("{\"type\":\"OBJECT\",\"properties\":{}}").asJsonObject()));
    }

    @Test
    void severalNonNullTypesBecomeAnyOf() {
        assertEquals(json("{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"nullable\":true}"),
                GeminiSchemas.clean(json("{\"type\":[\"string\",\"integer\",\"null\"]}").asJsonObject()));
    }

    @Test
    void toolResultFallsBackToTheMessageNameAndFailsWithoutAnyName() {
        ChatMessage named = new ChatMessage(Role.TOOL, List.of(ContentPart.text("[1,2]")), "lookup", null, "nope");
        GeminiRequest request = GeminiMapper.toRequest(ChatRequest.builder("m").messages(named).build());
        assertEquals(json("{\"name\":\"lookup\",\"response\":{\"content\":\"[1,2]\"}}"),
                json(Json.toJson(request.contents().get(0).parts().get(0).functionResponse())));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> GeminiMapper.toRequest(
                ChatRequest.builder("m").messages(ChatMessage.toolResult("nope", "x")).build()));
        assertEquals(ErrorKind.INVALID_REQUEST, e.kind());
        assertFalse(e.retryable());
    }

    @Test
    void toolArgumentsThatAreNotAnObjectAreRejected() {
        ChatRequest request = ChatRequest.builder("m").messages(ChatMessage.assistantToolCalls(
                List.of(new ToolCall("c", "f", "[1]")))).build();
        assertThrows(InvalidRequestException.class, () -> GeminiMapper.toRequest(request));
    }

    // ------------------------------------------------------------------ response

    @Test
    void textAnswer() {
        ChatResponse response = GeminiMapper.fromJson(Fixtures.read("gemini/generate-content.json"));
        assertEquals("xlWYafXAOKSf1e8PpcODiAg", response.id());
        assertEquals("gemini-2.5-flash", response.model());
        assertEquals(ProviderType.GOOGLE, response.provider());
        assertEquals(List.of(new Choice(0, "Paris", null, List.of(), FinishReason.of(FinishReason.Kind.STOP, "STOP"))),
                response.choices());
        // output = 1 answer token + 34 thinking tokens
        assertEquals(new Usage(11, 35, 46, null, 34), response.usage());
    }

    @Test
    void functionCallAnswer() {
        ChatResponse response = GeminiMapper.fromJson(Fixtures.read("gemini/generate-content-function-call.json"));
        assertEquals("XTGwabD8KpaxkdUP3MTwoAk", response.id());
        assertEquals("gemini-2.5-flash", response.model());
        Choice choice = response.choices().get(0);
        assertEquals("", choice.text());
        assertNull(choice.reasoning());
        assertEquals(List.of(new ToolCall("call_0_0", "sum", "{\"a\":1,\"b\":2}")), choice.toolCalls());
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, "STOP"), choice.finishReason());
        assertEquals(new Usage(155, 68, 223, null, 50), response.usage());
    }

    @Test
    void maxTokensAnswer() {
        ChatResponse response = GeminiMapper.fromJson(
                Fixtures.read("gemini/generate-content-finish-max-tokens.json"));
        assertEquals("R5MoavWNNp_8qtsP2fWD2A0", response.id());
        assertEquals(List.of(new Choice(0, "The capital of France is", null, List.of(),
                FinishReason.of(FinishReason.Kind.LENGTH, "MAX_TOKENS"))), response.choices());
        assertEquals(new Usage(15, 5, 20, null, null), response.usage());
    }

    @Test
    void answerBlockedBySafety() {
        ChatResponse response = GeminiMapper.fromJson(Fixtures.read("gemini/generate-content-finish-safety.json"));
        assertEquals("5lpeaLOIBf__698Pv8HGgAg", response.id());
        assertEquals("gemini-1.5-flash", response.model());
        assertEquals(List.of(new Choice(0, "", null, List.of(),
                FinishReason.of(FinishReason.Kind.CONTENT_FILTER, "SAFETY"))), response.choices());
        assertEquals(new Usage(14, 0, 14, null, null), response.usage());
    }

    @Test
    void blockedPromptIsAContentFilterError() {
        ContentFilteredException e = assertThrows(ContentFilteredException.class, () -> GeminiMapper.fromJson(
                Fixtures.read("gemini/stream-prompt-blocked-prohibited-content.chunk.json")));
        assertEquals("PROHIBITED_CONTENT", e.providerCode());
        assertEquals(ErrorKind.CONTENT_FILTERED, e.kind());
        assertFalse(e.retryable());
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("PROHIBITED_CONTENT"), e.getMessage());
    }

    @Test
    void thoughtsCandidatesAndGivenIds() {
        // not a recording: the recorded fixtures have one candidate and no thought parts
        String body = """
                {"candidates": [
                  {"index": 1, "finishReason": "STOP", "content": {"role": "model", "parts": [{"text": "B"}]}},
                  {"index": 0, "finishReason": "STOP", "content": {"role": "model", "parts": [
                    {"text": "Let me think. ", "thought": true},
                    {"text": "Sum them.", "thought": true},
                    {"text": "It is "},
                    {"functionCall": {"id": "fc-9", "name": "sum", "args": {"a": [1, 2]}}, "thoughtSignature": "c2ln"},
                    {"text": "3."}]}}],
                 "usageMetadata": {"promptTokenCount": 100, "cachedContentTokenCount": 60,
                   "candidatesTokenCount": 7, "thoughtsTokenCount": 20, "totalTokenCount": 127},
                 "modelVersion": "gemini-2.5-pro", "responseId": "r-1"}
                """;
        ChatResponse response = GeminiMapper.fromJson(body);
        assertEquals(List.of(
                new Choice(0, "It is 3.", "Let me think. Sum them.",
                        List.of(new ToolCall("fc-9", "sum", "{\"a\":[1,2]}")),
                        FinishReason.of(FinishReason.Kind.TOOL_CALLS, "STOP")),
                new Choice(1, "B", null, List.of(), FinishReason.of(FinishReason.Kind.STOP, "STOP"))),
                response.choices());
        assertEquals(new Usage(100, 27, 127, 60, 20), response.usage());
    }

    @ParameterizedTest
    @CsvSource({
            "STOP, STOP", "MAX_TOKENS, LENGTH", "SAFETY, CONTENT_FILTER", "RECITATION, CONTENT_FILTER",
            "BLOCKLIST, CONTENT_FILTER", "PROHIBITED_CONTENT, CONTENT_FILTER", "SPII, CONTENT_FILTER",
            "IMAGE_SAFETY, CONTENT_FILTER", "MALFORMED_FUNCTION_CALL, ERROR", "OTHER, OTHER", "LANGUAGE, OTHER",
            "FINISH_REASON_UNSPECIFIED, OTHER", "SOMETHING_NEW, OTHER"})
    void finishReasons(String raw, FinishReason.Kind kind) {
        assertEquals(FinishReason.of(kind, raw), GeminiMapper.finishReason(raw, false));
        assertEquals(FinishReason.of(FinishReason.Kind.TOOL_CALLS, raw), GeminiMapper.finishReason(raw, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"not json", "[]", "{}", "{\"candidates\": []}", "'   '"})
    void unexpectedBodiesAreMalformed(String body) {
        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> GeminiMapper.fromJson(body));
        assertTrue(e.retryable());
    }
}
