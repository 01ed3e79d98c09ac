package io.circuitbreaker.llm.http;

import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events parser (WHATWG rules): fed one line at a time, it emits an event at each blank
 * line. Comment lines ({@code :}) are skipped, a single space after the colon is dropped, several {@code data:}
 * lines join with {@code \n}, and an event without data is not dispatched. Line terminators are already stripped
 * by the caller (CRLF, LF and CR are all valid).
 */
public final class SseParser {

    private final Consumer<SseEvent> sink;
    private final StringBuilder data = new StringBuilder();
    private String event;
    private String id;
    private boolean hasData;

    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    public void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            case "id" -> id = value;
            default -> {
                // "retry" and unknown fields carry nothing the gateway uses
            }
        }
    }

    /** Dispatches a pending event at end of input (a stream whose last event lacks the blank line). */
    public void end() {
        dispatch();
    }

    private void dispatch() {
        if (hasData) {
            sink.accept(new SseEvent(event, data.toString(), id));
        }
        data.setLength(0);
        event = null;
        hasData = false;
    }
}
