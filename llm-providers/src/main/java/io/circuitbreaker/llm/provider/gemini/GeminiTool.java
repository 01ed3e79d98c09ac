package io.circuitbreaker.llm.provider.gemini;

import java.util.List;

/** A tool entry; the gateway only sends function declarations (no search or code execution tools). */
public record GeminiTool(List<GeminiFunctionDeclaration> functionDeclarations) {
}
