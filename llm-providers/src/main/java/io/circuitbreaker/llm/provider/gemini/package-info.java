/**
 * The Google Gemini adapter: speaks the Generative Language API v1beta ({@code generateContent},
 * {@code streamGenerateContent?alt=sse}, list models) for the gateway's provider port.
 *
 * <p>{@link io.circuitbreaker.llm.provider.gemini.GeminiProvider} is the CDI bean; the pure
 * {@link io.circuitbreaker.llm.provider.gemini.GeminiMapper} (with {@code GeminiSchemas} and {@code GeminiMedia})
 * translates requests and answers, {@link io.circuitbreaker.llm.provider.gemini.GeminiStreamDecoder} turns SSE
 * events into stream chunks, and {@link io.circuitbreaker.llm.provider.gemini.GeminiErrors} types error bodies.
 * The {@code Gemini*} records are the wire format; they do not leave this package except through the mapper.
 *
 * <p>Reasoning: the caller's effort or budget becomes {@code generationConfig.thinkingConfig} (a budget by the table
 * in {@link io.circuitbreaker.llm.model.ReasoningConfig}, thought summaries asked for whenever thinking is on);
 * parts marked {@code thought} come back as reasoning, never as answer text, and {@code thoughtsTokenCount} counts
 * once, within the output tokens. Reasoning blocks of earlier turns are not sent back. Parameters of another
 * protocol that a front door could not translate are refused by name, never dropped.
 */
package io.circuitbreaker.llm.provider.gemini;
