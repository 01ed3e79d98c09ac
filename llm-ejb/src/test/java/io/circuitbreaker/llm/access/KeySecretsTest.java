package io.circuitbreaker.llm.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeySecretsTest {

    @Test
    void secretsAreLongRandomAndRecognisable() {
        String one = KeySecrets.generate();
        String two = KeySecrets.generate();
        assertNotEquals(one, two);
        assertTrue(one.matches("cbk-[A-Za-z0-9_-]{43}"), one);
    }

    @Test
    void hashIsSha256HexAndTheDisplayPrefixRevealsLittle() {
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", KeySecrets.hash("test"));
        String secret = KeySecrets.generate();
        String shown = KeySecrets.display(secret);
        assertEquals(secret.substring(0, 10) + "...", shown);
        assertFalse(shown.contains(secret.substring(10, 20)));
        assertEquals("01234...", KeySecrets.display("0123456789abcdef")); // a third of a short configured key
    }
}
