package io.circuitbreaker.llm.cluster;

/** A CDI event: this instance committed a change to the database; the other instances should re-read it. */
public record LocalChange(ChangeTopic topic) {
}
