package io.circuitbreaker.llm.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;

/** The three built-in providers in the design document's {@code LlmproviderConfigInput} shape, with its prices. */
final class SeedProviders {

    private SeedProviders() {
    }

    static JsonObject openAi() {
        return provider("openai", "OpenAI", "https://api.openai.com/v1", "openai",
                model("gpt-4o", "GPT-4o", 16384, 128000, "0.000005", "0.000015",
                        "text_generation", "vision", "multimodal", "function_calling"),
                model("gpt-4", "GPT-4", 8192, 8192, "0.00003", "0.00006", "text_generation", "function_calling"),
                model("gpt-3.5-turbo", "GPT-3.5 Turbo", 4096, 16385, "0.000001", "0.000002",
                        "text_generation", "function_calling"));
    }

    static JsonObject google() {
        return provider("google", "Google Gemini", "https://generativelanguage.googleapis.com", "google",
                model("gemini-1.5-pro", "Gemini 1.5 Pro", 8192, 2097152, "0.0000035", "0.0000105",
                        "text_generation", "vision", "multimodal", "function_calling", "long_context"),
                model("gemini-1.5-flash", "Gemini 1.5 Flash", 8192, 1048576, "0.000000075", "0.0000003",
                        "text_generation", "vision", "multimodal", "function_calling", "long_context"),
                model("gemini-pro", "Gemini Pro", 2048, 32760, "0.0000005", "0.0000015",
                        "text_generation", "function_calling"));
    }

    static JsonObject anthropic() {
        return provider("anthropic", "Anthropic", "https://api.anthropic.com", "anthropic",
                model("claude-3-5-sonnet-20241022", "Claude 3.5 Sonnet", 8192, 200000, "0.000003", "0.000015",
                        "text_generation", "vision", "multimodal", "function_calling"),
                model("claude-3-haiku-20240307", "Claude 3 Haiku", 4096, 200000, "0.00000025", "0.00000125",
                        "text_generation", "vision", "multimodal", "function_calling"));
    }

    /** The design document's LlmproviderConfigInput; apiKeyId names the secret, never the key itself. */
    private static JsonObject provider(String type, String name, String baseUrl, String apiKeyId, JsonObject... models) {
        var list = Json.createArrayBuilder();
        for (JsonObject m : models) {
            list.add(m);
        }
        return Json.createObjectBuilder().add("providerType", type).add("name", name).add("baseUrl", baseUrl)
                .add("apiKeyId", apiKeyId).add("models", list).build();
    }

    private static JsonObject model(String id, String name, int maxTokens, int contextWindow, String input,
            String output, String... capabilities) {
        var caps = Json.createArrayBuilder();
        for (String c : capabilities) {
            caps.add(c);
        }
        return Json.createObjectBuilder().add("id", id).add("name", name).add("maxTokens", maxTokens)
                .add("contextWindow", contextWindow).add("costPerInputToken", new BigDecimal(input))
                .add("costPerOutputToken", new BigDecimal(output)).add("supportsStreaming", true)
                .add("supportsFunctionCalling", true).add("capabilities", caps).build();
    }
}
