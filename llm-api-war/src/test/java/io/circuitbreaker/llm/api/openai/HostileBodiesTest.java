package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every body, however broken or hostile, either parses or is refused with {@link InvalidOpenAiRequest} (a 400 with
 * OpenAI's error JSON): no other exception may leave the parser, since the servlet would answer it with a 500.
 */
class HostileBodiesTest {

    /** Fixed, so a failure here fails again the same way. */
    private static final long SEED = 20_240_611L;

    @Test
    void everyBodyParsesOrIsRefusedAsAnInvalidRequest() {
        List<HostileBodies.Body> bodies = new HostileBodies(SEED).generate(400);
        List<String> escaped = new ArrayList<>();
        int parsed = 0;
        for (HostileBodies.Body body : bodies) {
            try {
                OpenAiRequestParser.parse(body.text());
                parsed++;
            } catch (InvalidOpenAiRequest refused) {
                OpenAiError error = OpenAiErrorMapper.map(refused);
                assertEquals(400, error.status(), body::toString);
                // the answer must be writable too: lone surrogates, NULs and huge values included
                String json = error.toJson().toString();
                assertTrue(json.length() < 2_000, () -> body + ": " + json.substring(0, 300) + "...");
            } catch (RuntimeException | StackOverflowError e) {
                escaped.add(body + " -> " + e);
            }
        }

        assertEquals(List.of(), escaped, "bodies that escaped as something other than InvalidOpenAiRequest");
        // the generator also makes bodies that pass, so the refusals above are not all one early check
        int passed = parsed;
        assertTrue(passed >= 10, () -> "only " + passed + " of " + bodies.size() + " bodies parsed");
    }
}
