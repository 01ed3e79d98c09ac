package io.circuitbreaker.llm.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Map;

/** The delegate factory's parsers, each wrapped in an {@link EofSafeJsonParser} (Yasson reads streams this way). */
final class EofSafeParserFactory implements JsonParserFactory {

    private final JsonParserFactory delegate;

    EofSafeParserFactory(JsonParserFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public JsonParser createParser(Reader reader) {
        return new EofSafeJsonParser(delegate.createParser(reader));
    }

    @Override
    public JsonParser createParser(InputStream in) {
        return new EofSafeJsonParser(delegate.createParser(in));
    }

    @Override
    public JsonParser createParser(InputStream in, Charset charset) {
        return new EofSafeJsonParser(delegate.createParser(in, charset));
    }

    @Override
    public JsonParser createParser(JsonObject object) {
        return new EofSafeJsonParser(delegate.createParser(object));
    }

    @Override
    public JsonParser createParser(JsonArray array) {
        return new EofSafeJsonParser(delegate.createParser(array));
    }

    @Override
    public Map<String, ?> getConfigInUse() {
        return delegate.getConfigInUse();
    }
}
