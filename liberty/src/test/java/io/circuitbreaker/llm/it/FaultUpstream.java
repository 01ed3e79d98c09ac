package io.circuitbreaker.llm.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An upstream that misbehaves on purpose, at the socket: the faults WireMock cannot script (a body cut short under a
 * correct content-length, one byte a second, no answer at all, bytes that are not HTTP, a reset). One fault per path
 * prefix ({@code /<fault>/...}); both wire protocols, chosen by the path ({@code /v1/chat/completions} is OpenAI's,
 * {@code /v1/messages} Anthropic's), and a complete answer or a stream by the body's {@code "stream":true}.
 */
final class FaultUpstream implements AutoCloseable {

    /** Every fault, in the order of the fault table in docs/architecture.md. */
    static final List<String> FAULTS = List.of("ok", "s500", "s503", "s529", "s429", "s401", "s404", "s400ctx",
            "reset", "headersthenclose", "truncated", "trickle", "hang", "html200", "badjson200", "error200",
            "cutstream", "errorevent", "stall", "garbage");

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    FaultUpstream() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            String head = readHead(socket.getInputStream());
            if (head == null) {
                return;
            }
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
            byte[] body = socket.getInputStream().readNBytes(contentLength(head));
            boolean stream = new String(body, StandardCharsets.UTF_8).replace(" ", "").contains("\"stream\":true");
            boolean anthropic = path.contains("/messages");
            String fault = path.split("/")[1];
            act(fault, anthropic, stream, socket);
        } catch (IOException e) {
            // the gateway hung up (it timed out or cancelled): what some faults are for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void act(String fault, boolean anthropic, boolean stream, Socket socket)
            throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        switch (fault) {
            case "ok" -> answer(out, anthropic, stream);
            case "s500" -> json(out, 500, "", error(anthropic, "api_error", "server_error", "internal failure"));
            case "s503" -> json(out, 503, "retry-after: 1\r\n", error(anthropic, "overloaded_error", "server_error",
                    "service unavailable"));
            case "s529" -> json(out, 529, "", error(anthropic, "overloaded_error", "overloaded", "overloaded"));
            case "s429" -> json(out, 429, "retry-after: 1\r\n", error(anthropic, "rate_limit_error",
                    "rate_limit_exceeded", "slow down"));
            case "s401" -> json(out, 401, "", error(anthropic, "authentication_error", "invalid_api_key",
                    "invalid x-api-key"));
            case "s404" -> json(out, 404, "", error(anthropic, "not_found_error", "model_not_found",
                    "model: no-such-model"));
            case "s400ctx" -> json(out, 400, "", error(anthropic, "invalid_request_error", "context_length_exceeded",
                    "prompt is too long: 300000 tokens > 200000 maximum"));
            case "reset" -> {
                socket.setSoLinger(true, 0); // closing now sends a TCP reset
            }
            case "headersthenclose" -> out.write(("HTTP/1.1 200 OK\r\ncontent-type: "
                    + (stream ? "text/event-stream" : "application/json") + "\r\ncontent-length: 500\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // issue 16, item 2: cut short inside an array the gateway does not map, under a correct content-length
            case "truncated" -> {
                String cut = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"foo\":[{\"a\":1},";
                if (stream) {
                    sse(out, "data: " + cut + "\n\n");
                } else {
                    json(out, 200, "", cut);
                }
            }
            case "trickle" -> {
                if (stream) {
                    // an event that never ends: ten bytes of it, slowly, then the connection closes
                    sseHead(out);
                    for (byte b : "data: {\"id".getBytes(StandardCharsets.UTF_8)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(300);
                    }
                    return;
                }
                byte[] whole = (anthropic ? Answers.anthropicJson() : Answers.openAiJson())
                        .getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + whole.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (byte b : whole) { // one byte a second: the whole answer would take minutes
                    out.write(b);
                    out.flush();
                    Thread.sleep(1000);
                }
            }
            case "hang", "stall" -> {
                if (fault.equals("stall")) {
                    sseHead(out);
                    out.write(firstEvent(anthropic).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(20_000); // silence, until the gateway gives up and closes
            }
            case "html200" -> {
                String page = "<html><body>Bad gateway at the proxy</body></html>";
                out.write(("HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: " + page.length()
                        + "\r\n\r\n" + page).getBytes(StandardCharsets.UTF_8));
            }
            case "badjson200" -> json(out, 200, "", "{not json at all");
            case "error200" -> {
                String error = error(anthropic, "api_error", "server_error", "internal failure inside a 200");
                if (stream) {
                    sse(out, (anthropic ? "event: error\n" : "") + "data: " + error + "\n\n");
                } else {
                    json(out, 200, "", error);
                }
            }
            case "cutstream" -> {
                if (!stream) {
                    json(out, 200, "", Answers.openAiJson().substring(0, 40)); // a cut JSON body, to be complete
                    return;
                }
                sseHead(out);
                out.write(firstEvent(anthropic).getBytes(StandardCharsets.UTF_8)); // then the connection ends
            }
            case "errorevent" -> {
                if (!stream) {
                    json(out, 200, "", error(anthropic, "api_error", "server_error", "failed"));
                    return;
                }
                sseHead(out);
                out.write(firstEvent(anthropic).getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(50);
                out.write(((anthropic ? "event: error\n" : "") + "data: "
                        + error(anthropic, "overloaded_error", "server_error", "failed mid-stream") + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            case "garbage" -> out.write("SSH-2.0-OpenSSH_9.6\r\n\u0000\u0001\u0002 not http\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            default -> json(out, 418, "", "{\"error\":{\"message\":\"unknown fault " + fault + "\"}}");
        }
        out.flush();
    }

    private static void answer(OutputStream out, boolean anthropic, boolean stream) throws IOException {
        if (!stream) {
            json(out, 200, "", anthropic ? Answers.anthropicJson() : Answers.openAiJson());
            return;
        }
        sse(out, anthropic ? Answers.anthropicStream() : Answers.openAiStream());
    }

    private static String firstEvent(boolean anthropic) {
        String all = anthropic ? Answers.anthropicStream() : Answers.openAiStream();
        // Anthropic's first text arrives in its third event (message_start, content_block_start, delta)
        int events = anthropic ? 3 : 1;
        int at = 0;
        for (int i = 0; i < events; i++) {
            at = all.indexOf("\n\n", at) + 2;
        }
        return all.substring(0, at);
    }

    private static String error(boolean anthropic, String anthropicType, String openAiCode, String message) {
        return anthropic
                ? "{\"type\":\"error\",\"error\":{\"type\":\"" + anthropicType + "\",\"message\":\"" + message + "\"}}"
                : "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + openAiCode + "\",\"param\":null,"
                        + "\"code\":\"" + openAiCode + "\"}}";
    }

    private static void json(OutputStream out, int status, String headers, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\ncontent-type: application/json\r\n" + headers + "content-length: "
                + bytes.length + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    private static void sseHead(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static void sse(OutputStream out, String events) throws IOException {
        sseHead(out);
        out.write(events.getBytes(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        threads.shutdownNow();
    }

    /** Well-formed answers in both protocols, as the providers document them. */
    static final class Answers {

        private Answers() {
        }

        static String openAiJson() {
            return "{\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there.\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,"
                    + "\"total_tokens\":12}}";
        }

        static String openAiStream() {
            StringBuilder events = new StringBuilder();
            for (String piece : List.of("Hello", " there", ".")) {
                events.append("data: {\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(piece)
                        .append("\"},\"finish_reason\":null}]}\n\n");
            }
            events.append("data: {\"id\":\"chatcmpl-fault\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                    + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
            return events.append("data: [DONE]\n\n").toString();
        }

        static String anthropicJson() {
            return "{\"id\":\"msg_fault\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":"
                    + "[{\"type\":\"text\",\"text\":\"Hello there.\"}],\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,\"output_tokens\":3}}";
        }

        static String anthropicStream() {
            return "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_fault\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                    + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello there.\"}}\n\n"
                    + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                    + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}\n\n"
                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        }
    }
}
