package io.circuitbreaker.llm.cache;

import io.circuitbreaker.llm.model.ChatResponse;
import io.circuitbreaker.llm.model.Choice;
import io.circuitbreaker.llm.model.ChoiceExtras;
import io.circuitbreaker.llm.model.ContentPart;
import io.circuitbreaker.llm.model.FinishReason;
import io.circuitbreaker.llm.model.ServiceInfo;
import io.circuitbreaker.llm.model.ToolCall;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.spi.ProviderType;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link CachedAnswer} as JSON for Redis and reads it back, field for field: the answer must come back as the
 * provider gave it (reasoning signatures are verified by Anthropic when sent back, logprobs were asked for). Money is
 * a decimal string, never a JSON number a reader might turn into a double. Pure, so it is tested without Redis.
 */
public final class CachedAnswerCodec {

    /** The entry format; an entry of another version is a miss, never misread. */
    static final int VERSION = 1;

    private static final JsonProvider JSON = JsonProvider.provider();

    private CachedAnswerCodec() {
    }

    public static String encode(CachedAnswer answer) {
        ChatResponse r = answer.response();
        JsonObjectBuilder out = JSON.createObjectBuilder().add("v", VERSION)
                .add("providerId", answer.providerId()).add("modelId", answer.modelId());
        optional(out, "cost", answer.cost() == null ? null : answer.cost().toPlainString());
        optional(out, "id", r.id());
        optional(out, "model", r.model());
        optional(out, "provider", r.provider() == null ? null : r.provider().name());
        JsonArrayBuilder choices = JSON.createArrayBuilder();
        r.choices().forEach(c -> choices.add(choice(c)));
        out.add("choices", choices);
        if (r.usage() != null) {
            Usage u = r.usage();
            JsonObjectBuilder usage = JSON.createObjectBuilder().add("input", u.inputTokens())
                    .add("output", u.outputTokens()).add("total", u.totalTokens());
            optional(usage, "cachedInput", u.cachedInputTokens());
            optional(usage, "reasoning", u.reasoningTokens());
            optional(usage, "cacheWrite", u.cacheWriteInputTokens());
            optional(usage, "cacheWriteLong", u.cacheWriteLongInputTokens());
            out.add("usage", usage);
        }
        if (r.service() != null) {
            JsonObjectBuilder service = JSON.createObjectBuilder();
            optional(service, "systemFingerprint", r.service().systemFingerprint());
            optional(service, "serviceTier", r.service().serviceTier());
            out.add("service", service);
        }
        return out.build().toString();
    }

    /** The answer, or empty when the text is not an entry of this version (damaged, or written by another release). */
    public static Optional<CachedAnswer> decode(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonObject in = reader.readObject();
            if (in.getInt("v", -1) != VERSION) {
                return Optional.empty();
            }
            List<Choice> choices = new ArrayList<>();
            for (JsonValue c : in.getJsonArray("choices")) {
                choices.add(choice(c.asJsonObject()));
            }
            Usage usage = null;
            if (in.containsKey("usage")) {
                JsonObject u = in.getJsonObject("usage");
                usage = new Usage(u.getInt("input"), u.getInt("output"), u.getInt("total"), integer(u, "cachedInput"),
                        integer(u, "reasoning"), integer(u, "cacheWrite"), integer(u, "cacheWriteLong"));
            }
            ServiceInfo service = null;
            if (in.containsKey("service")) {
                JsonObject s = in.getJsonObject("service");
                service = ServiceInfo.of(s.getString("systemFingerprint", null), s.getString("serviceTier", null));
            }
            String provider = in.getString("provider", null);
            ChatResponse response = new ChatResponse(in.getString("id", null), in.getString("model", null),
                    provider == null ? null : ProviderType.valueOf(provider), choices, usage, service);
            String cost = in.getString("cost", null);
            return Optional.of(new CachedAnswer(response, in.getString("providerId"), in.getString("modelId"),
                    cost == null ? null : new BigDecimal(cost)));
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged entry is a miss; the fresh answer overwrites it
        }
    }

    private static JsonObjectBuilder choice(Choice c) {
        JsonObjectBuilder out = JSON.createObjectBuilder().add("index", c.index()).add("text", c.text());
        optional(out, "reasoning", c.reasoning());
        JsonArrayBuilder calls = JSON.createArrayBuilder();
        for (ToolCall call : c.toolCalls()) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("name", call.name())
                    .add("arguments", call.argumentsJson());
            optional(json, "id", call.id());
            calls.add(json);
        }
        out.add("toolCalls", calls);
        if (c.finishReason() != null) {
            JsonObjectBuilder finish = JSON.createObjectBuilder().add("kind", c.finishReason().kind().name());
            optional(finish, "raw", c.finishReason().raw());
            out.add("finish", finish);
        }
        JsonArrayBuilder thinking = JSON.createArrayBuilder();
        for (ContentPart part : c.thinking()) {
            if (part instanceof ContentPart.Thinking t) {
                JsonObjectBuilder block = JSON.createObjectBuilder().add("type", "thinking").add("text", t.text());
                optional(block, "signature", t.signature());
                thinking.add(block);
            } else if (part instanceof ContentPart.RedactedThinking redacted) {
                thinking.add(JSON.createObjectBuilder().add("type", "redacted").add("data", redacted.data()));
            }
        }
        out.add("thinking", thinking);
        if (c.extras() != null) {
            JsonObjectBuilder extras = JSON.createObjectBuilder();
            optional(extras, "logprobs", c.extras().logprobsJson());
            optional(extras, "annotations", c.extras().annotationsJson());
            out.add("extras", extras);
        }
        return out;
    }

    private static Choice choice(JsonObject in) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonValue value : in.getJsonArray("toolCalls")) {
            JsonObject call = value.asJsonObject();
            calls.add(new ToolCall(call.getString("id", null), call.getString("name"), call.getString("arguments")));
        }
        FinishReason finish = null;
        if (in.containsKey("finish")) {
            JsonObject f = in.getJsonObject("finish");
            finish = FinishReason.of(FinishReason.Kind.valueOf(f.getString("kind")), f.getString("raw", null));
        }
        List<ContentPart> thinking = new ArrayList<>();
        JsonArray blocks = in.getJsonArray("thinking");
        for (JsonValue value : blocks) {
            JsonObject block = value.asJsonObject();
            thinking.add("redacted".equals(block.getString("type")) ? new ContentPart.RedactedThinking(
                    block.getString("data")) : new ContentPart.Thinking(block.getString("text"),
                    block.getString("signature", null)));
        }
        ChoiceExtras extras = null;
        if (in.containsKey("extras")) {
            JsonObject e = in.getJsonObject("extras");
            extras = ChoiceExtras.of(e.getString("logprobs", null), e.getString("annotations", null));
        }
        return new Choice(in.getInt("index"), in.getString("text"), in.getString("reasoning", null), calls, finish,
                thinking, extras);
    }

    private static Integer integer(JsonObject in, String name) {
        return in.containsKey(name) ? in.getInt(name) : null;
    }

    private static void optional(JsonObjectBuilder out, String name, String value) {
        if (value != null) {
            out.add(name, value);
        }
    }

    private static void optional(JsonObjectBuilder out, String name, Integer value) {
        if (value != null) {
            out.add(name, value);
        }
    }
}
