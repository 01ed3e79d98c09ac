package io.circuitbreaker.llm.provider.gemini;

import io.circuitbreaker.llm.error.InvalidRequestException;
import java.util.Locale;
import java.util.Map;

/**
 * Image URLs as Gemini parts. Gemini does not take a media type from the URL itself: {@code data:} URLs become
 * inline data, and other URLs a {@code fileData} part whose {@code mimeType} is guessed from the extension.
 */
final class GeminiMedia {

    static final String DEFAULT_MIME_TYPE = "image/jpeg";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"),
            Map.entry("heif", "image/heif"),
            Map.entry("pdf", "application/pdf"));

    private GeminiMedia() {
    }

    static GeminiPart fromUrl(String url) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            return fromDataUrl(url);
        }
        return GeminiPart.file(guessMimeType(url), url);
    }

    /** {@code data:image/png;base64,AAAA} to inline data; only base64 data URLs carry binary media. */
    private static GeminiPart fromDataUrl(String url) {
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring(5, comma);
        if (comma < 0 || !header.toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw new InvalidRequestException(GeminiMapper.PROVIDER, 0, "invalid_image_url",
                    "image data URLs must be base64 encoded (data:<type>;base64,<data>)");
        }
        String mimeType = header.substring(0, header.length() - ";base64".length());
        int parameters = mimeType.indexOf(';');
        if (parameters >= 0) {
            mimeType = mimeType.substring(0, parameters);
        }
        return GeminiPart.inline(mimeType.isEmpty() ? DEFAULT_MIME_TYPE : mimeType, url.substring(comma + 1));
    }

    static String guessMimeType(String url) {
        String path = url;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return DEFAULT_MIME_TYPE;
        }
        return BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_MIME_TYPE);
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
