package io.circuitbreaker.llm.api.responses;

import jakarta.json.JsonObject;

/**
 * What a response object carries before its output: its id, creation time and the request settings it repeats.
 *
 * @param id        {@code resp_...}
 * @param createdAt seconds since the epoch
 * @param model     the model asked for, shown until the upstream names the one that answered
 * @param echo      the repeated request settings ({@link ResponsesRequest#echo()})
 */
record ResponseHead(String id, long createdAt, String model, JsonObject echo) {
}
