package io.circuitbreaker.llm.model;

import java.util.Locale;

/**
 * How much the model should reason before it answers, as the caller asked in its own API: OpenAI's
 * {@code reasoning_effort} (an effort level) or Anthropic's {@code thinking} (a token budget). Each adapter turns it
 * into its provider's form: an effort becomes a budget where the provider takes budgets and a budget becomes an
 * effort where it takes efforts (see {@link #budgetTokens()} and {@link #effortLevel()}, the one table of both).
 *
 * @param effort       the effort level; {@link Effort#OTHER} with {@code rawEffort} for a level this gateway does not
 *                     know; {@code null} when a budget was given instead
 * @param rawEffort    the caller's word for the effort, e.g. {@code "medium"}; {@code null} when none
 * @param budget       the token budget for reasoning; {@code null} when an effort was given instead
 */
public record ReasoningConfig(Effort effort, String rawEffort, Integer budget) {

    /** Effort levels, OpenAI's names. */
    public enum Effort {
        /** No reasoning at all (OpenAI {@code none}, Anthropic {@code thinking.type = disabled}). */
        NONE,
        MINIMAL,
        LOW,
        MEDIUM,
        HIGH,
        /** OpenAI's and Anthropic's {@code xhigh}. */
        XHIGH,
        /** Anthropic's {@code max} ({@code output_config.effort}). */
        MAX,
        /** A level not known here; see {@code rawEffort}. */
        OTHER
    }

    /** Anthropic's smallest thinking budget. */
    public static final int MIN_BUDGET = 1024;

    public static ReasoningConfig effort(String raw) {
        Effort effort = switch (raw.toLowerCase(Locale.ROOT)) {
            case "none" -> Effort.NONE;
            case "minimal" -> Effort.MINIMAL;
            case "low" -> Effort.LOW;
            case "medium" -> Effort.MEDIUM;
            case "high" -> Effort.HIGH;
            case "xhigh" -> Effort.XHIGH;
            case "max" -> Effort.MAX;
            default -> Effort.OTHER;
        };
        return new ReasoningConfig(effort, raw, null);
    }

    public static ReasoningConfig budget(int tokens) {
        return new ReasoningConfig(null, null, tokens);
    }

    public static ReasoningConfig disabled() {
        return new ReasoningConfig(Effort.NONE, null, null);
    }

    /** Whether reasoning is asked for at all. */
    public boolean enabled() {
        return budget != null ? budget > 0 : effort != Effort.NONE;
    }

    /**
     * The token budget: the caller's own, else the effort's (LiteLLM's table for low, medium and high, so a client
     * moving between the two gateways sees the same budgets): minimal and low 1,024, medium 2,048, high 4,096,
     * xhigh 16,384, max 32,768; 0 for none. An unknown effort is not guessed at: {@code null}.
     */
    public Integer budgetTokens() {
        if (budget != null) {
            return budget;
        }
        return switch (effort) {
            case NONE -> 0;
            case MINIMAL, LOW -> MIN_BUDGET;
            case MEDIUM -> 2048;
            case HIGH -> 4096;
            case XHIGH -> 16384;
            case MAX -> 32768;
            case OTHER -> null;
        };
    }

    /**
     * The effort level: the caller's own, else the budget's, by the same table read upwards (up to 1,024 low, up to
     * 2,048 medium, above that high: every OpenAI reasoning model takes high, not every one xhigh).
     */
    public Effort effortLevel() {
        if (effort != null) {
            return effort;
        }
        if (budget <= 0) {
            return Effort.NONE;
        }
        return budget <= MIN_BUDGET ? Effort.LOW : budget <= 2048 ? Effort.MEDIUM : Effort.HIGH;
    }

    /** The effort as OpenAI spells it (the caller's own word when it gave one). */
    public String effortName() {
        if (rawEffort != null) {
            return rawEffort;
        }
        return effortLevel().name().toLowerCase(Locale.ROOT);
    }
}
