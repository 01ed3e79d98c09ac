package io.circuitbreaker.llm.usage;

/**
 * A usage event with its place in the journal.
 *
 * @param seq     this process's journal sequence number: events are committed to the database in this order, so
 *                "committed up to seq n" says which journal segments may go
 * @param eventId unique across processes ({@code <journal instance>-<seq>}); stored as {@code EVENT_ID}, it lets a
 *                replay skip events the database already holds ({@code REQUEST_ID} alone is not unique: callers may
 *                send their own {@code x-request-id} twice)
 * @param event   the event
 */
record JournaledEvent(long seq, String eventId, UsageEvent event) {
}
