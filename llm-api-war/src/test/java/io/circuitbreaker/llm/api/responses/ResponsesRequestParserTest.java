package io.circuitbreaker.llm.api.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.api.openai.InvalidOpenAiRequest;
import io.circuitbreaker.llm.api.openai.OpenAiError;
import io.circuitbreaker.llm.api.openai.OpenAiErrorMapper;
import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.ReasoningConfig;
import io.circuitbreaker.llm.model.ResponseFormat;
import io.circuitbreaker.llm.model.Role;
import io.circuitbreaker.llm.model.ToolChoice;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesRequestParserTest {

    private static ResponsesRequest parse(String body) {
        return ResponsesRequestParser.parse(body.replace('\'', '"'), 100);
    }

    private static OpenAiError refusal(String body) {
        InvalidOpenAiRequest e = assertThrows(InvalidOpenAiRequest.class, () -> parse(body));
        return OpenAiErrorMapper.map(e);
    }

    @Test
    void stringInputIsOneUserMessageAfterTheInstructions() {
        ResponsesRequest r = parse("{'model':'gpt-4.1','input':'Hi','instructions':'Be brief'}");
        List<ChatMessage> messages = r.request().messages();
        assertEquals(2, messages.size());
        assertEquals(Role.SYSTEM, messages.get(0).role());
        assertEquals("Be brief", messages.get(0).text());
        assertEquals(Role.USER, messages.get(1).role());
        assertEquals("Hi", messages.get(1).text());
        assertTrue(r.store(), "store defaults to true");
        assertFalse(r.stream());
        JsonObject item = r.input().get(0);
        assertTrue(item.getString("id").startsWith("msg_"));
        assertEquals("input_text", item.getJsonArray("content").getJsonObject(0).getString("type"));
        assertEquals("Be brief", r.echo().getString("instructions"));
    }

    @Test
    void everyInputItemKind() {
        ResponsesRequest r = parse("{'model':'m','store':false,'input':["
                + "{'role':'developer','content':'rules'},"
                + "{'type':'message','role':'user','content':[{'type':'input_text','text':'look'},"
                + "{'type':'input_image','image_url':'data:image/png;base64,AAAA'},"
                + "{'type':'input_image','image_url':'https://x/y.png','detail':'low'}]},"
                + "{'type':'reasoning','id':'rs_1','summary':[{'type':'summary_text','text':'hm'}]},"
                + "{'type':'message','role':'assistant','content':[{'type':'output_text','text':'calling'}]},"
                + "{'type':'function_call','call_id':'call_1','name':'f','arguments':'{\\'a\\':1}'},"
                + "{'type':'function_call','call_id':'call_2','name':'g','arguments':''},"
                + "{'type':'function_call_output','call_id':'call_1','output':'one'},"
                + "{'type':'function_call_output','call_id':'call_2','output':[{'type':'input_text','text':'two'}]}]}");
        List<ChatMessage> m = r.request().messages();
        assertEquals(5, m.size(), "reasoning is not sent; both calls join the assistant turn");
        assertEquals(Role.SYSTEM, m.get(0).role());
        assertInstanceOf(ContentPart.ImageBase64.class, m.get(1).content().get(1));
        assertEquals(new ContentPart.ImageUrl("https://x/y.png", "low"), m.get(1).content().get(2));
        assertEquals("calling", m.get(2).text());
        assertEquals(2, m.get(2).toolCalls().size());
        assertEquals("{}", m.get(2).toolCalls().get(1).argumentsJson());
        assertEquals(Role.TOOL, m.get(3).role());
        assertEquals("call_1", m.get(3).toolCallId());
        assertEquals("two", m.get(4).text());
        assertFalse(r.store());
        assertEquals(8, r.input().size(), "every item is kept for input_items");
        assertEquals("rs_1", r.input().get(2).getString("id"), "a given id is kept");
    }

    @Test
    void toolsToolChoiceTextFormatAndReasoning() {
        ResponsesRequest r = parse("{'model':'m','input':'x','tools':[{'type':'function','name':'get_weather',"
                + "'description':'d','parameters':{'type':'object'},'strict':true}],"
                + "'tool_choice':{'type':'function','name':'get_weather'},'parallel_tool_calls':false,"
                + "'text':{'format':{'type':'json_schema','name':'out','schema':{'type':'object'},'strict':true}},"
                + "'reasoning':{'effort':'high','summary':'auto'},'max_output_tokens':50,'temperature':0.5,"
                + "'top_p':0.9,'safety_identifier':'u1','metadata':{'k':'v'},'truncation':'disabled',"
                + "'include':['message.input_image.image_url'],'stream':true}");
        var req = r.request();
        assertEquals("get_weather", req.tools().get(0).name());
        assertEquals(Boolean.TRUE, req.tools().get(0).strict());
        assertEquals(ToolChoice.function("get_weather"), req.toolChoice());
        assertEquals(Boolean.FALSE, req.parallelToolCalls());
        assertEquals(ResponseFormat.Type.JSON_SCHEMA, req.responseFormat().type());
        assertEquals("out", req.responseFormat().schemaName());
        assertEquals(ReasoningConfig.Effort.HIGH, req.reasoning().effort());
        assertEquals(50, req.maxTokens());
        assertEquals("u1", req.user());
        assertTrue(r.stream());
        assertEquals("v", r.echo().getJsonObject("metadata").getString("k"));
        assertEquals("auto", r.echo().getJsonObject("reasoning").getString("summary"));
        assertEquals(ToolChoice.REQUIRED, parse("{'model':'m','input':'x','tool_choice':'required'}").request()
                .toolChoice());
        assertEquals(ResponseFormat.JSON_OBJECT, parse("{'model':'m','input':'x','text':{'format':"
                + "{'type':'json_object'}}}").request().responseFormat());
    }

    @Test
    void unknownArgumentsAreRefusedAsOpenAiDoes() {
        OpenAiError e = refusal("{'model':'m','input':'x','max_tokens':5}");
        assertEquals(400, e.status());
        assertEquals("Unrecognized request argument supplied: max_tokens", e.message());
        assertEquals("invalid_request_error", e.type());
    }

    @Test
    void whatCannotBeHonouredIsRefusedByName() {
        assertEquals("tools[0].type", refusal("{'model':'m','input':'x','tools':[{'type':'web_search'}]}").param());
        assertEquals("tools[0].type", refusal("{'model':'m','input':'x','tools':[{'type':'file_search'}]}").param());
        assertEquals("truncation", refusal("{'model':'m','input':'x','truncation':'auto'}").param());
        assertEquals("include[0]", refusal("{'model':'m','input':'x','include':['reasoning.encrypted_content']}")
                .param());
        OpenAiError unknownInclude = refusal("{'model':'m','input':'x','include':['nope']}");
        assertTrue(unknownInclude.message().contains("nope"));
        assertEquals("background", refusal("{'model':'m','input':'x','background':true}").param());
        assertEquals("conversation", refusal("{'model':'m','input':'x','conversation':'c1'}").param());
        assertEquals("prompt", refusal("{'model':'m','input':'x','prompt':{'id':'p'}}").param());
        assertEquals("max_tool_calls", refusal("{'model':'m','input':'x','max_tool_calls':3}").param());
        assertEquals("top_logprobs", refusal("{'model':'m','input':'x','top_logprobs':2}").param());
        assertEquals("text.verbosity", refusal("{'model':'m','input':'x','text':{'verbosity':'low'}}").param());
        assertEquals("input[0].type", refusal("{'model':'m','input':[{'type':'item_reference','id':'x'}]}")
                .param());
        assertEquals("input[0].content[0].file_id", refusal("{'model':'m','input':[{'role':'user','content':"
                + "[{'type':'input_image','file_id':'f'}]}]}").param());
        assertEquals("input[0].content[0].type", refusal("{'model':'m','input':[{'role':'user','content':"
                + "[{'type':'input_file','file_id':'f'}]}]}").param());
        assertEquals("tool_choice.type", refusal("{'model':'m','input':'x','tool_choice':{'type':'web_search'}}")
                .param());
        assertEquals("unsupported_parameter", refusal("{'model':'m','input':'x','truncation':'auto'}").code());
    }

    @Test
    void wrongValuesAreNamed() {
        assertEquals("model", refusal("{'input':'x'}").param());
        assertEquals("input", refusal("{'model':'m'}").param());
        assertEquals("input", refusal("{'model':'m','input':[]}").param());
        assertEquals("input[0].role", refusal("{'model':'m','input':[{'role':'tool','content':'x'}]}").param());
        assertEquals("input[0]", refusal("{'model':'m','input':[{'type':'function_call','name':'f'}]}").param());
        assertEquals("temperature", refusal("{'model':'m','input':'x','temperature':3}").param());
        assertEquals("max_output_tokens", refusal("{'model':'m','input':'x','max_output_tokens':0}").param());
        assertEquals("reasoning.summary", refusal("{'model':'m','input':'x','reasoning':{'summary':'long'}}")
                .param());
        assertEquals("metadata.k", refusal("{'model':'m','input':'x','metadata':{'k':1}}").param());
        assertEquals("text.format.schema", refusal("{'model':'m','input':'x','text':{'format':"
                + "{'type':'json_schema','name':'n'}}}").param());
        assertNull(refusal("not json").param());
        OpenAiError tooMany = OpenAiErrorMapper.map(assertThrows(InvalidOpenAiRequest.class,
                () -> ResponsesRequestParser.parse("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"a\"},"
                        + "{\"role\":\"user\",\"content\":\"b\"}]}", 1)));
        assertEquals("array_above_max_length", tooMany.code());
    }

    @Test
    void historyComesBeforeTheInputAndIsStoredWithIt() {
        ResponsesRequest r = parse("{'model':'m','input':'and now?','instructions':'sys'}");
        JsonObject earlierUser = Json.createObjectBuilder().add("type", "message").add("id", "msg_a")
                .add("role", "user").add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "input_text").add("text", "hello"))).build();
        JsonObject earlierAnswer = ResponsesWriter.messageItem("msg_b", "hi there", "completed");
        ResponsesRequest continued = r.after(List.of(earlierUser, earlierAnswer));
        List<ChatMessage> m = continued.request().messages();
        assertEquals(List.of(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER), m.stream().map(ChatMessage::role)
                .toList());
        assertEquals("hi there", m.get(2).text());
        assertEquals(3, continued.input().size());
        assertEquals("msg_a", continued.input().get(0).getString("id"));
    }
}
