package io.circuitbreaker.llm.model;

/**
 * Parts of an OpenAI answer choice that the neutral model has no structure for, kept as the provider's own JSON so
 * the OpenAI front door returns them exactly as they came: the caller asked for them (logprobs, web search) and an
 * answer without them would not be the answer asked for. Other providers never set them.
 *
 * @param logprobsJson    the choice's {@code logprobs} object; {@code null} when absent or null
 * @param annotationsJson the message's (or delta's) {@code annotations} array, e.g. URL citations of a web search;
 *                        {@code null} when absent or null
 */
public record ChoiceExtras(String logprobsJson, String annotationsJson) {

    /** The extras, or {@code null} when there are none. */
    public static ChoiceExtras of(String logprobsJson, String annotationsJson) {
        return logprobsJson == null && annotationsJson == null ? null
                : new ChoiceExtras(logprobsJson, annotationsJson);
    }
}
