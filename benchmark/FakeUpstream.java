import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast fake LLM upstream for the benchmark only (JDK 17 single-file program, no dependencies):
 * {@code java benchmark/FakeUpstream.java [port]}.
 *
 * <ul>
 *   <li>OpenAI: {@code POST .../chat/completions} → {@code chat.completion}, or with {@code "stream": true} SSE
 *       {@code chat.completion.chunk}s, a usage chunk and {@code data: [DONE]};</li>
 *   <li>Anthropic: {@code POST .../v1/messages} → a Messages answer, or its SSE events when streaming;</li>
 *   <li>Gemini: {@code POST .../models/{m}:generateContent} (and {@code :streamGenerateContent?alt=sse});</li>
 *   <li>any {@code GET} (health probes: list models) → a small model list.</li>
 * </ul>
 *
 * Stream shape comes from {@code key=value} path segments anywhere in the URL, so a provider's base URL carries it:
 * {@code http://127.0.0.1:9281/ttfb=0/chunks=50/gap=0/v1/chat/completions}. Keys: {@code ttfb} (ms before the first
 * byte of the answer, streamed or not), {@code chunks} (content chunks of a stream), {@code gap} (ms between chunks).
 */
public class FakeUpstream {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PARAM = Pattern.compile("/(ttfb|chunks|gap)=(\\d+)");
    private static final AtomicLong IDS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The JDK server closes a connection that turns idle while 200 others are idle (its default), which after the
        // 1,000-stream scenario made wrk reconnect for most requests: keep them all.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9281;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        // Cached pool: non-streaming requests reuse a few threads; slow streams each hold one (sleeping).
        ExecutorService pool = new ThreadPoolExecutor(8, 4000, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        server.setExecutor(pool);
        server.createContext("/", FakeUpstream::handle);
        server.start();
        System.out.println("fake upstream listening on 127.0.0.1:" + port);
    }

    private static void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] req = readAll(ex.getRequestBody());
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getRawQuery();
            if ("GET".equals(ex.getRequestMethod())) {
                send(ex, 200, "application/json",
                        "{\"object\":\"list\",\"data\":[{\"id\":\"bench-model\",\"object\":\"model\",\"owned_by\":\"bench\"}]}");
                return;
            }
            int ttfb = 0, chunks = 50, gap = 0;
            Matcher p = PARAM.matcher(path);
            while (p.find()) {
                int v = Integer.parseInt(p.group(2));
                switch (p.group(1)) {
                    case "ttfb": ttfb = v; break;
                    case "chunks": chunks = v; break;
                    default: gap = v;
                }
            }
            String body = new String(req, StandardCharsets.UTF_8);
            Matcher m = MODEL.matcher(body);
            String model = m.find() ? m.group(1) : "bench-model";
            boolean gemini = path.contains(":generateContent") || path.contains(":streamGenerateContent");
            boolean stream = STREAM.matcher(body).find() || path.contains(":streamGenerateContent");
            sleep(ttfb);
            if (path.endsWith("/chat/completions")) {
                if (stream) openAiStream(ex, model, chunks, gap); else send(ex, 200, "application/json", openAiJson(model));
            } else if (path.endsWith("/v1/messages")) {
                if (stream) anthropicStream(ex, model, chunks, gap); else send(ex, 200, "application/json", anthropicJson(model));
            } else if (gemini) {
                if (stream) geminiStream(ex, chunks, gap); else send(ex, 200, "application/json", geminiJson());
            } else {
                send(ex, 404, "application/json", "{\"error\":{\"message\":\"unknown path " + path
                        + (query == null ? "" : "?" + query) + "\",\"type\":\"invalid_request_error\"}}");
            }
        } catch (IOException e) {
            // client went away (e.g. a cancelled stream): nothing to do
        }
    }

    private static String openAiJson(String model) {
        return "{\"id\":\"chatcmpl-" + IDS.incrementAndGet() + "\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hello! This is a fixed answer from the benchmark's fake upstream.\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":14,"
                + "\"total_tokens\":26}}";
    }

    private static String anthropicJson(String model) {
        return "{\"id\":\"msg_" + IDS.incrementAndGet() + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\""
                + model + "\",\"content\":[{\"type\":\"text\",\"text\":\"Hello! This is a fixed answer from the "
                + "benchmark's fake upstream.\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":14}}";
    }

    private static String geminiJson() {
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Hello! This is a fixed answer "
                + "from the benchmark's fake upstream.\"}]},\"finishReason\":\"STOP\",\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":14,\"totalTokenCount\":26}}";
    }

    private static void openAiStream(HttpExchange ex, String model, int chunks, int gap) throws IOException {
        OutputStream out = startSse(ex);
        String id = "chatcmpl-" + IDS.incrementAndGet();
        String head = "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":{";
        for (int i = 0; i < chunks; i++) {
            if (i > 0) sleep(gap);
            String delta = (i == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":\"tok" + i + " \"";
            write(out, head + delta + "},\"finish_reason\":null}]}\n\n");
        }
        write(out, head + "},\"finish_reason\":\"stop\"}]}\n\n");
        write(out, "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + chunks
                + ",\"total_tokens\":" + (12 + chunks) + "}}\n\ndata: [DONE]\n\n");
    }

    private static void anthropicStream(HttpExchange ex, String model, int chunks, int gap) throws IOException {
        OutputStream out = startSse(ex);
        write(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_"
                + IDS.incrementAndGet() + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
                + "\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (int i = 0; i < chunks; i++) {
            if (i > 0) sleep(gap);
            write(out, "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"tok" + i + " \"}}\n\n");
        }
        write(out, "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + chunks + "}}\n\n"
                + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    private static void geminiStream(HttpExchange ex, int chunks, int gap) throws IOException {
        OutputStream out = startSse(ex);
        for (int i = 0; i < chunks; i++) {
            if (i > 0) sleep(gap);
            boolean last = i == chunks - 1;
            write(out, "data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"tok" + i
                    + " \"}]}" + (last ? ",\"finishReason\":\"STOP\"" : "") + ",\"index\":0}]"
                    + (last ? ",\"usageMetadata\":{\"promptTokenCount\":12,\"candidatesTokenCount\":" + chunks
                    + ",\"totalTokenCount\":" + (12 + chunks) + "}" : "") + "}\r\n\r\n");
        }
    }

    private static OutputStream startSse(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void sleep(int ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
