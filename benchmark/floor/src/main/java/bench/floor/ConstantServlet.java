package bench.floor;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Floor (a): the answer the fake upstream gives, written by a servlet on the gateway's server, with no upstream.
 * {@code POST /floor/constant/...} reads the body and answers the fake's {@code chat.completion} JSON, or with
 * {@code "stream": true} its SSE stream of {@code chunks=N} chunks (from the path, default 50) without delays.
 * {@code GET} answers a small JSON (the benchmark's readiness probe).
 */
@WebServlet("/constant/*")
public class ConstantServlet extends HttpServlet {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern CHUNKS = Pattern.compile("/chunks=(\\d+)");
    private static final AtomicLong IDS = new AtomicLong();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        send(resp, "{\"object\":\"list\",\"data\":[{\"id\":\"bench-model\",\"object\":\"model\",\"owned_by\":\"floor\"}]}");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = MODEL.matcher(body);
        String model = m.find() ? m.group(1) : "bench-model";
        if (!STREAM.matcher(body).find()) {
            send(resp, "{\"id\":\"chatcmpl-" + IDS.incrementAndGet() + "\",\"object\":\"chat.completion\","
                    + "\"created\":1700000000,\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"Hello! This is a fixed answer from the benchmark's fake "
                    + "upstream.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":14,"
                    + "\"total_tokens\":26}}");
            return;
        }
        Matcher c = CHUNKS.matcher(req.getPathInfo() == null ? "" : req.getPathInfo());
        int chunks = c.find() ? Integer.parseInt(c.group(1)) : 50;
        resp.setContentType("text/event-stream");
        resp.setHeader("Cache-Control", "no-cache");
        ServletOutputStream out = resp.getOutputStream();
        String id = "chatcmpl-" + IDS.incrementAndGet();
        String head = "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":{";
        for (int i = 0; i < chunks; i++) {
            String delta = (i == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":\"tok" + i + " \"";
            write(out, head + delta + "},\"finish_reason\":null}]}\n\n");
        }
        write(out, head + "},\"finish_reason\":\"stop\"}]}\n\n");
        write(out, "data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + chunks
                + ",\"total_tokens\":" + (12 + chunks) + "}}\n\ndata: [DONE]\n\n");
    }

    private static void write(ServletOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpServletResponse resp, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/json");
        resp.setContentLength(b.length);
        resp.getOutputStream().write(b);
    }
}
