package io.circuitbreaker.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.circuitbreaker.llm.error.LlmProviderException;
import io.circuitbreaker.llm.error.MalformedResponseException;
import io.circuitbreaker.llm.http.ErrorResponseMapper;
import io.circuitbreaker.llm.http.SseEvent;
import io.circuitbreaker.llm.http.SseParser;
import io.circuitbreaker.llm.http.StreamDecoder;
import io.circuitbreaker.llm.provider.anthropic.AnthropicErrors;
import io.circuitbreaker.llm.provider.anthropic.AnthropicMapper;
import io.circuitbreaker.llm.provider.anthropic.AnthropicStreamDecoder;
import io.circuitbreaker.llm.provider.gemini.GeminiErrors;
import io.circuitbreaker.llm.provider.gemini.GeminiMapper;
import io.circuitbreaker.llm.provider.gemini.GeminiStreamDecoder;
import io.circuitbreaker.llm.provider.openai.OpenAiErrors;
import io.circuitbreaker.llm.provider.openai.OpenAiMapper;
import io.circuitbreaker.llm.provider.openai.OpenAiStreamDecoder;
import io.circuitbreaker.llm.spi.ProviderType;
import io.circuitbreaker.llm.testing.Bounded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #16: upstream bytes cut short must end every parse quickly, as a value or a typed error, never a thread
 * spinning in the JSON parser. Each adapter's answer mapper, error-body mapper and stream decoder is fed the issue's
 * body, deep and string-internal truncations, and every prefix of every recorded payload.
 */
class TruncatedUpstreamTest {

    /** The body of the issue: cut short inside an array no adapter maps. */
    private static final String ISSUE_BODY = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"m\",\"foo\":[{\"a\":1},";

    private static final Duration QUICK = Duration.ofSeconds(10);
    /** Generous on two shared cores; a hang fails at the limit with the parser's stack. */
    private static final Duration FIXTURE = Duration.ofSeconds(90);
    /** Whole-stream prefixes re-decode the stream each time: longer recordings are cut at about this many points. */
    private static final int STREAM_CUTS = 600;
    private static final Pattern STATUS = Pattern.compile("^error-(\\d{3})-");

    /** One adapter's parsers of upstream bytes; {@code event} is the name its stream events carry. */
    record Adapter(String name, Function<String, Object> answer, ErrorResponseMapper errors,
            Supplier<StreamDecoder> decoders, String event) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Adapter> ADAPTERS = Stream.of(
            new Adapter("openai", body -> new OpenAiMapper(ProviderType.OPENAI).fromJson(body),
                    new OpenAiErrors(ProviderType.OPENAI), OpenAiStreamDecoder::new, null),
            new Adapter("anthropic", body -> new AnthropicMapper().toResponse(200, body), new AnthropicErrors(),
                    AnthropicStreamDecoder::new, "content_block_delta"),
            new Adapter("gemini", GeminiMapper::fromJson, new GeminiErrors(), GeminiStreamDecoder::new, null))
            .collect(Collectors.toMap(Adapter::name, adapter -> adapter));

    static Stream<Adapter> adapters() {
        return ADAPTERS.values().stream();
    }

    static Stream<Arguments> truncations() {
        return adapters().flatMap(adapter -> Stream.of(
                ISSUE_BODY,
                "{\"a\":[[[[{\"b\":[",
                "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":{\"e\":[",
                "{\"id\":\"x\",\"foo\":{\"bar\":{\"baz\":\"unfinished",
                "{\"id\":\"x\",\"foo\":[\"escape \\",
                "{\"id\":\"x\",\"foo\":[\"\\u00",
                "{\"choices\":[{\"message\":{\"content\":\"mapped, cut after a backslash \\",
                "{\"content\":[{\"type\":\"text\",\"text\":\"mapped\\\"",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"x\",\"thought\":tr",
                "{\"error\":{\"message\":\"m\",\"details\":[{\"@type\":\"t\",\"metadata\":{\"k\":[")
                .map(body -> Arguments.of(adapter, body)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void theIssueBodyIsAMalformedAnswer(Adapter adapter) {
        assertThrows(MalformedResponseException.class,
                () -> Bounded.call(QUICK, () -> adapter.answer.apply(ISSUE_BODY)));
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void theIssueBodyIsAMalformedStreamEvent(Adapter adapter) {
        assertThrows(MalformedResponseException.class, () -> Bounded.call(QUICK,
                () -> adapter.decoders.get().decode(new SseEvent(adapter.event, ISSUE_BODY, null))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("truncations")
    void truncatedBodiesEndAsTypedErrors(Adapter adapter, String body) {
        assertThrows(MalformedResponseException.class, () -> Bounded.call(QUICK, () -> adapter.answer.apply(body)));
        assertThrows(MalformedResponseException.class, () -> Bounded.call(QUICK,
                () -> adapter.decoders.get().decode(new SseEvent(adapter.event, body, null))));
        assertNotNull(Bounded.call(QUICK, () -> adapter.errors.map(500, name -> null, body)));
    }

    static Stream<Arguments> fixtures() {
        try (Stream<Path> files = Files.walk(fixtureRoot())) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(file -> Arguments.of(fixtureRoot().relativize(file).toString().replace('\\', '/')))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyFixtureDirectoryHasAnAdapter() throws IOException {
        try (Stream<Path> dirs = Files.list(fixtureRoot())) {
            assertEquals(ADAPTERS.keySet(), dirs.map(dir -> dir.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyPrefixOfARecordedPayloadEndsAsAValueOrATypedError(String fixture) throws IOException {
        Adapter adapter = ADAPTERS.get(fixture.substring(0, fixture.indexOf('/')));
        String fileName = fixture.substring(fixture.indexOf('/') + 1);
        String text = Files.readString(fixtureRoot().resolve(fixture), StandardCharsets.UTF_8);
        int parses = Bounded.call(FIXTURE, () -> fileName.endsWith(".sse")
                ? streamPrefixes(adapter, fixture, text)
                : bodyPrefixes(adapter, fixture, text, status(fileName)));
        assertTrue(parses > 0, fixture);
    }

    /** Every prefix through the answer mapper, the error-body mapper and the stream decoder. */
    private static int bodyPrefixes(Adapter adapter, String fixture, String body, int status) {
        for (int length = 0; length <= body.length(); length++) {
            String prefix = body.substring(0, length);
            String what = fixture + " cut at " + length;
            endsTyped(what + " as an answer", () -> adapter.answer.apply(prefix));
            endsTyped(what + " as an error body", () -> adapter.errors.map(status, name -> null, prefix));
            endsTyped(what + " as a stream event",
                    () -> adapter.decoders.get().decode(new SseEvent(adapter.event, prefix, null)));
        }
        return 3 * (body.length() + 1);
    }

    /**
     * Every prefix of every event's data, each through a fresh decoder; and the stream cut short at every point
     * (sampled densely for long recordings), decoded from its start to its end.
     */
    private static int streamPrefixes(Adapter adapter, String fixture, String sse) {
        int parses = 0;
        for (SseEvent event : events(sse)) {
            for (int length = 0; length <= event.data().length(); length++) {
                SseEvent cut = new SseEvent(event.event(), event.data().substring(0, length), event.id());
                endsTyped(fixture + " event data cut at " + length + ": " + cut.data(),
                        () -> adapter.decoders.get().decode(cut));
                parses++;
            }
        }
        int step = Math.max(1, sse.length() / STREAM_CUTS);
        int[] cuts = IntStream.concat(IntStream.iterate(0, cut -> cut < sse.length(), cut -> cut + step),
                IntStream.of(sse.length())).toArray();
        for (int cut : cuts) {
            String prefix = sse.substring(0, cut);
            endsTyped(fixture + " cut at " + cut, () -> decodeStream(adapter.decoders.get(), prefix));
        }
        return parses + cuts.length;
    }

    private static void endsTyped(String what, Callable<?> parse) {
        try {
            parse.call();
        } catch (LlmProviderException typed) {
            // the typed error the gateway reports
        } catch (Exception other) {
            fail(what + " threw " + other, other);
        }
    }

    private static Object decodeStream(StreamDecoder decoder, String sse) {
        SseParser parser = new SseParser(event -> {
            if (!decoder.finished()) {
                decoder.decode(event);
            }
        });
        for (String line : sse.split("\r\n|\n|\r", -1)) {
            parser.line(line);
        }
        parser.end();
        return decoder.complete();
    }

    private static List<SseEvent> events(String sse) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (String line : sse.split("\r\n|\n|\r", -1)) {
            parser.line(line);
        }
        parser.end();
        return events;
    }

    private static int status(String fileName) {
        Matcher matcher = STATUS.matcher(fileName);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 500;
    }

    private static Path fixtureRoot() {
        try {
            return Path.of(TruncatedUpstreamTest.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
