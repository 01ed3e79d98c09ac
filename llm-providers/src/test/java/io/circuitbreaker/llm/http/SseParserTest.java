package io.circuitbreaker.llm.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void namedEventWithData() {
        feed("event: message_start", "data: {\"a\":1}", "");
        assertEquals(List.of(new SseEvent("message_start", "{\"a\":1}", null)), events);
    }

    @Test
    void multipleDataLinesJoinWithNewline() {
        feed("data: first", "data: second", "");
        assertEquals("first\nsecond", events.get(0).data());
    }

    @Test
    void commentsAndUnknownFieldsAreSkippedAndOnlyOneLeadingSpaceIsDropped() {
        feed(": keep-alive", "retry: 1000", "id: 7", "data:  two spaces", "");
        assertEquals(List.of(new SseEvent(null, " two spaces", "7")), events);
    }

    @Test
    void eventWithoutDataIsNotDispatchedAndNameDoesNotLeakIntoTheNextEvent() {
        feed("event: ping", "", "data: x", "");
        assertEquals(List.of(new SseEvent(null, "x", null)), events);
    }

    @Test
    void dataWithoutSpaceAndFieldWithoutColon() {
        feed("data:[DONE]", "data", "");
        assertEquals("[DONE]\n", events.get(0).data());
    }

    @Test
    void pendingEventIsDispatchedAtEnd() {
        feed("data: tail");
        assertEquals(0, events.size());
        parser.end();
        assertEquals("tail", events.get(0).data());
    }
}
