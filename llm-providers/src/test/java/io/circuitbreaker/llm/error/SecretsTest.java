package io.circuitbreaker.llm.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretsTest {

    /** Key-shaped test values are assembled at run time, so no committed string looks like a real key. */
    static java.util.stream.Stream<String> keyLikeTexts() {
        return java.util.stream.Stream.of(
        "Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz012345. You can find your API key at ...",
        "Incorrect API key provided: sk-abc12********************5678.",
        "invalid x-api-key sk-ant-" + "api03-AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789",
        "API key not valid: AIza" + "SyA-1234567890abcdefghijklmnopqrstu",
        "GET https://generativelanguage.googleapis.com/v1beta/models?key=AIzaSecretSecret123456789 failed",
        "header Authorization: Bearer abcdef0123456789abcdef was rejected");
    }

    @ParameterizedTest
    @MethodSource("keyLikeTexts")
    void keyLikeTokensAreMasked(String text) {
        String redacted = Secrets.redact(text);
        assertFalse(redacted.matches("(?s).*(sk-[A-Za-z0-9]{4,}|AIza[0-9A-Za-z]{10,}|abcdef0123456789).*"), redacted);
        assertFalse(redacted.equals(text));
    }

    @Test
    void knownSecretValuesAreMaskedWhateverTheyLookLike() {
        assertEquals("token [REDACTED] refused", Secrets.redact("token my-own-local-token refused",
                "my-own-local-token"));
    }

    @Test
    void maskValueMasksTheSecretAndLeavesAnswerContentAlone() {
        String answer = "use sk-proj-abcdefghijklmnopqrst as shown; internal error for key my-own-local-token";
        assertEquals("use sk-proj-abcdefghijklmnopqrst as shown; internal error for key [REDACTED]",
                Secrets.maskValue(answer, "my-own-local-token"), "no key-like patterns on an answer");
        assertEquals(answer, Secrets.maskValue(answer, null));
        assertEquals(answer, Secrets.maskValue(answer, "abc"), "too short to be a secret");
        assertEquals(null, Secrets.maskValue(null, "my-own-local-token"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "The model `gpt-5` does not exist or you do not have access to it.";
        assertEquals(text, Secrets.redact(text));
    }

    @Test
    void exceptionMessagesAreRedactedOnConstruction() {
        var e = new AuthenticationException(null, 401, "invalid_api_key", "bad key sk-proj-abcdefghijklmnopqrst");
        assertEquals("bad key [REDACTED]", e.getMessage());
    }
}
