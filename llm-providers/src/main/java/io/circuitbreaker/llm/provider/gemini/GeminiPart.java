package io.circuitbreaker.llm.provider.gemini;

/**
 * One part of a turn; exactly one of the data members is set.
 *
 * @param text             text, or reasoning text when {@code thought} is true
 * @param thought          whether {@code text} is the model's reasoning rather than its answer
 * @param thoughtSignature opaque token Gemini 3 wants back on the function calls of the turn it produced
 * @param inlineData       base64 media
 * @param fileData         media by URI
 * @param functionCall     a call the model asks for
 * @param functionResponse a tool's result sent back to the model
 */
public record GeminiPart(
        String text,
        Boolean thought,
        String thoughtSignature,
        GeminiInlineData inlineData,
        GeminiFileData fileData,
        GeminiFunctionCall functionCall,
        GeminiFunctionResponse functionResponse) {

    static GeminiPart text(String text) {
        return new GeminiPart(text, null, null, null, null, null, null);
    }

    static GeminiPart inline(String mimeType, String data) {
        return new GeminiPart(null, null, null, new GeminiInlineData(mimeType, data), null, null, null);
    }

    static GeminiPart file(String mimeType, String uri) {
        return new GeminiPart(null, null, null, null, new GeminiFileData(mimeType, uri), null, null);
    }

    static GeminiPart call(GeminiFunctionCall call, String signature) {
        return new GeminiPart(null, null, signature, null, null, call, null);
    }

    static GeminiPart response(GeminiFunctionResponse response) {
        return new GeminiPart(null, null, null, null, null, null, response);
    }

    boolean isThought() {
        return Boolean.TRUE.equals(thought);
    }
}
