package io.circuitbreaker.llm.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.circuitbreaker.llm.cache.CacheDirective.Mode;
import org.junit.jupiter.api.Test;

class CacheDirectiveTest {

    @Test
    void headersChooseTheMode() {
        assertEquals(Mode.USE, CacheDirective.NONE.mode());
        assertEquals(Mode.USE, new CacheDirective("use", null).mode());
        assertEquals(Mode.REFRESH, new CacheDirective("No-Cache", null).mode());
        assertEquals(Mode.BYPASS, new CacheDirective(" no-store ", null).mode());
        assertEquals(Mode.REFRESH, new CacheDirective(null, "max-age=0, no-cache").mode());
        assertEquals(Mode.BYPASS, new CacheDirective(null, "no-cache, no-store").mode());
        assertEquals(Mode.USE, new CacheDirective(null, "max-age=60").mode(), "other directives are HTTP's, ignored");
        assertEquals(Mode.BYPASS, new CacheDirective("no-cache", "no-store").mode(), "the stricter wins");
        assertEquals(Mode.BYPASS, new CacheDirective("no-store", "no-cache").mode());
    }

    @Test
    void anUnknownOwnDirectiveIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new CacheDirective("nostore", null).mode());
        assertTrue(refused.getMessage().contains("x-llm-cache must be use, no-cache or no-store"),
                refused.getMessage());
    }
}
