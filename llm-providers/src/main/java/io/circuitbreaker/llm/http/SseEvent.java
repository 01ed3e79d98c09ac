package io.circuitbreaker.llm.http;

/**
 * One Server-Sent Event.
 *
 * @param event the {@code event:} name, {@code null} when the event had none (the spec's "message")
 * @param data  the {@code data:} lines joined by {@code \n}
 * @param id    the {@code id:} value, or {@code null}
 */
public record SseEvent(String event, String data, String id) {
}
