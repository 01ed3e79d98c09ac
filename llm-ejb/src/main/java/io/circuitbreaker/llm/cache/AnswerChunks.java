package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete answer as the chunks of a stream, for a streamed request served from the cache: each front door's own
 * stream format then writes them as it writes a live stream (OpenAI's chunks and usage chunk, Anthropic's events).
 * Per choice: its reasoning blocks (each signature closing its block), its text in pieces of at most
 * {@link #PIECE} characters (a live stream's size, so a client renders it as it renders one), each tool call whole,
 * then its finish reason; usage comes last, on a chunk of its own, as OpenAI sends it.
 */
public final class AnswerChunks {

    /** Characters per text piece. */
    static final int PIECE = 64;

    private AnswerChunks() {
    }

    public static List<StreamChunk> of(ChatResponse answer) {
        List<StreamChunk> chunks = new ArrayList<>();
        String id = answer.id();
        String model = answer.model();
        for (Choice c : answer.choices()) {
            int i = c.index();
            if (!c.thinking().isEmpty()) {
                for (ContentPart block : c.thinking()) {
                    if (block instanceof ContentPart.Thinking t) {
                        for (String piece : pieces(t.text())) {
                            chunks.add(new StreamChunk(id, model, i, "", piece, List.of(), null, null));
                        }
                        if (t.signature() != null) {
                            chunks.add(new StreamChunk(id, model, i, "", "", List.of(), null, null, t.signature(),
                                    null));
                        }
                    } else if (block instanceof ContentPart.RedactedThinking r) {
                        chunks.add(new StreamChunk(id, model, i, "", "", List.of(), null, null, null, r.data()));
                    }
                }
            } else if (c.reasoning() != null) {
                for (String piece : pieces(c.reasoning())) {
                    chunks.add(new StreamChunk(id, model, i, "", piece, List.of(), null, null));
                }
            }
            for (String piece : pieces(c.text())) {
                chunks.add(new StreamChunk(id, model, i, piece, "", List.of(), null, null));
            }
            for (int t = 0; t < c.toolCalls().size(); t++) {
                ToolCall call = c.toolCalls().get(t);
                chunks.add(new StreamChunk(id, model, i, "", "",
                        List.of(new ToolCallDelta(t, call.id(), call.name(), call.argumentsJson())), null, null));
            }
            // the finish chunk carries the choice's logprobs and annotations whole, and the service details
            chunks.add(new StreamChunk(id, model, i, "", "", List.of(), c.finishReason(), null, null, null,
                    answer.service(), c.extras()));
        }
        if (answer.usage() != null) {
            int last = answer.choices().isEmpty() ? 0 : answer.choices().get(answer.choices().size() - 1).index();
            chunks.add(new StreamChunk(id, model, last, "", "", List.of(), null, answer.usage()));
        }
        return chunks;
    }

    /** The text in pieces of at most {@link #PIECE} characters, never splitting a surrogate pair. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
