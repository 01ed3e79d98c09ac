package io.circuitbreaker.llm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderTypeTest {

    @ParameterizedTest
    @CsvSource({
        "openai, OPENAI", "OPENAI, OPENAI", "OpenAI, OPENAI", " openai , OPENAI",
        "anthropic, ANTHROPIC", "google, GOOGLE", "gemini, GOOGLE",
        "openai_compatible, OPENAI_COMPATIBLE", "openai-compatible, OPENAI_COMPATIBLE"
    })
    void parsesWhatUsersWrite(String text, ProviderType expected) {
        assertEquals(Optional.of(expected), ProviderType.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "azure", "open ai", "openai2"})
    void rejectsUnknownNames(String text) {
        assertTrue(ProviderType.parse(text).isEmpty());
    }
}
