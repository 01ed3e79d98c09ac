package io.circuitbreaker.llm.usage;

import java.math.BigDecimal;
import java.time.Instant;

/** Usage events for the journal tests. */
final class UsageEvents {

    private UsageEvents() {
    }

    static UsageEvent event(String requestId) {
        return new UsageEvent(requestId, Instant.parse("2024-06-01T12:34:56.123456789Z"), "key-1", "route-a",
                "gpt-4o", "openai", "openai", "gpt-4o-2024-08-06", false, 2, 1,
                "openai/gpt-4o#1:UNAVAILABLE(503),openai/gpt-4o#2:SUCCEEDED", 13, 31, null, 0,
                new BigDecimal("0.000020550000"), 412, null, UsageEvent.Outcome.SUCCESS, null,
                "input:13:0.000005,output:31:0.000015");
    }
}
