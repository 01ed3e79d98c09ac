package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OpenAiRequestLimitsTest {

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
        assertEquals("messages", assertThrows(InvalidOpenAiRequest.class,
                () -> OpenAiRequestParser.parse(messages(2049))).param());
    }

    // ---- helpers ----

    private static String messages(int count) {
        return "{\"model\": \"gpt-4o\", \"messages\": ["
                + IntStream.range(0, count).mapToObj(i -> "{\"role\": \"user\", \"content\": \"m" + i + "\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }
}
