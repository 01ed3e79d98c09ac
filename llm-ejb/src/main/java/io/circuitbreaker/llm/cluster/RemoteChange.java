package io.circuitbreaker.llm.cluster;

/**
 * A CDI event: another instance changed this part of the configuration (or the periodic safety net says it may
 * have); re-read it from the database.
 */
public record RemoteChange(ChangeTopic topic) {
}
