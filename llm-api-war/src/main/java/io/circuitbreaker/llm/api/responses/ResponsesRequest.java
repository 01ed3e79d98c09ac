package io.circuitbreaker.llm.api.responses;

import io.circuitbreaker.llm.model.ChatMessage;
import io.circuitbreaker.llm.model.ChatRequest;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code POST /v1/responses}.
 *
 * @param request            the neutral request: the instructions as the first system message, then the input
 * @param instructions       the request's instructions, or {@code null} (not carried to a later response, as OpenAI)
 * @param input              the input items as stored and listed (each with an id)
 * @param stream             whether the answer is streamed
 * @param store              whether the finished response is stored (default true, as OpenAI)
 * @param previousResponseId the response this one continues, or {@code null}
 * @param echo               the request settings the response object repeats (tools, temperature, metadata, ...)
 */
record ResponsesRequest(ChatRequest request, String instructions, List<JsonObject> input, boolean stream,
        boolean store, String previousResponseId, JsonObject echo) {

    ResponsesRequest {
        input = List.copyOf(input);
    }

    /**
     * This request continuing an earlier conversation: {@code history} (the previous response's input and output
     * items) before this request's input, in the messages sent and in the items stored.
     */
    ResponsesRequest after(List<JsonObject> history) {
        List<JsonObject> all = new ArrayList<>(history.size() + input.size());
        all.addAll(history);
        all.addAll(input);
        List<ChatMessage> messages = new ArrayList<>();
        if (instructions != null) {
            messages.add(ChatMessage.system(instructions));
        }
        messages.addAll(ResponsesMessages.of(history, "previous_response_id"));
        messages.addAll(ResponsesMessages.of(input, "input"));
        ChatRequest continued = request.withMessages(messages);
        return new ResponsesRequest(continued, instructions, all, stream, store, previousResponseId, echo);
    }
}
