package io.circuitbreaker.llm.provider.openai;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import io.circuitbreaker.llm.error.LlmProviderException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Awaiting answers, streams and failures in the adapter tests. */
final class OpenAiTestSupport {

    static final long WAIT_SECONDS = 20;

    private OpenAiTestSupport() {
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The exception the stage itself completed with: the typed error, not a CompletionException around it. */
    static LlmProviderException failure(CompletionStage<?> stage) throws Exception {
        Throwable failure = stage.handle((value, error) -> error).toCompletableFuture()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (failure == null) {
            fail("expected the stage to fail");
        }
        return assertInstanceOf(LlmProviderException.class, failure);
    }
}
