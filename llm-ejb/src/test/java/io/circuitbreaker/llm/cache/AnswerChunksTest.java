package io.circuitbreaker.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.StreamChunk;
import io.circuitbreaker.llm.model.ToolCallDelta;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** A complete answer replayed as chunks adds back up to the answer; a live stream adds up to its answer. */
class AnswerChunksTest {

    private static ChatResponse withoutExtras() {
        ChatResponse all = CachedAnswerCodecTest.everything();
        List<Choice> plain = all.choices().stream().map(c -> new Choice(c.index(), c.text(), c.reasoning(),
                c.toolCalls(), c.finishReason(), c.thinking())).toList();
        return new ChatResponse(all.id(), all.model(), all.provider(), plain, all.usage(), all.service());
    }

    @Test
    void replayedChunksAddUpToTheAnswer() {
        ChatResponse answer = withoutExtras();
        StreamAssembler assembler = new StreamAssembler();
        AnswerChunks.of(answer).forEach(assembler::add);
        assertEquals(answer, assembler.answer(ProviderType.ANTHROPIC, null).orElseThrow());
    }

    @Test
    void longTextIsCutIntoPiecesWithoutSplittingASurrogatePair() {
        String text = "a".repeat(AnswerChunks.PIECE - 1) + "😀" + "b".repeat(100);
        List<String> pieces = AnswerChunks.pieces(text);
        assertEquals(text, String.join("", pieces));
        assertTrue(pieces.stream().allMatch(p -> p.length() <= AnswerChunks.PIECE));
        assertEquals(AnswerChunks.PIECE - 1, pieces.get(0).length(), "the pair goes whole to the next piece");
    }

    @Test
    void aLiveStreamAddsUpToItsAnswer() {
        StreamAssembler assembler = new StreamAssembler();
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "Hel", "", List.of(), null, null));
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "lo", "", List.of(), null, null));
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "", "", List.of(new ToolCallDelta(0, "call_1", "f", "{\"a\"")),
                null, null));
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "", "", List.of(new ToolCallDelta(0, null, null, ":1}")),
                null, null));
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "", "", List.of(), FinishReason.of(FinishReason.Kind.STOP,
                "stop"), null));
        assembler.add(new StreamChunk("c1", "gpt-4o", 0, "", "", List.of(), null, Usage.of(3, 4)));
        ChatResponse answer = assembler.answer(ProviderType.OPENAI, null).orElseThrow();
        assertEquals("Hello", answer.text());
        assertEquals("{\"a\":1}", answer.choices().get(0).toolCalls().get(0).argumentsJson());
        assertEquals(Usage.of(3, 4), answer.usage());
    }

    @Test
    void aStreamWithoutItsEndOrWithPerChunkExtrasIsNotAnAnswer() {
        StreamAssembler cut = new StreamAssembler();
        cut.add(StreamChunk.text("c", "m", 0, "half"));
        assertTrue(cut.answer(ProviderType.OPENAI, null).isEmpty());
        StreamAssembler extras = new StreamAssembler();
        extras.add(new StreamChunk("c", "m", 0, "x", "", List.of(), FinishReason.of(FinishReason.Kind.STOP, null),
                null, null, null, null, io.circuitbreaker.llm.model.ChoiceExtras.of("{\"content\":[]}", null)));
        assertTrue(extras.answer(ProviderType.OPENAI, null).isEmpty());
    }

    @Test
    void theReplayHonoursDemandAndCompletesWithoutNesting() {
        List<StreamChunk> chunks = AnswerChunks.of(withoutExtras());
        List<StreamChunk> seen = new ArrayList<>();
        int[] depth = {0, 0};
        boolean[] done = {false};
        new ReplayPublisher(chunks).subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(StreamChunk chunk) {
                depth[0]++;
                depth[1] = Math.max(depth[1], depth[0]);
                seen.add(chunk);
                subscription.request(1); // as StreamRelay does once a write went out
                depth[0]--;
            }

            @Override
            public void onError(Throwable failure) {
                throw new AssertionError(failure);
            }

            @Override
            public void onComplete() {
                done[0] = true;
            }
        });
        assertEquals(chunks, seen);
        assertTrue(done[0]);
        assertEquals(1, depth[1], "request() from onNext is served by the running loop");
    }
}
