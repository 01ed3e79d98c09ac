package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/**
 * @param mode                 {@code AUTO}, {@code NONE} or {@code ANY} (must call one of the allowed functions)
 * @param allowedFunctionNames with {@code ANY}: the functions it may call; {@code null} for all
 */
public record GeminiFunctionCallingConfig(String mode, List<String> allowedFunctionNames) {
}
