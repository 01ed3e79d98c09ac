package bench.floor;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Floor (b): a bare asynchronous proxy with Jetty 12's HttpClient (one shared client, pooled keep-alive connections).
 * Reads the request body, sends it to {@code FLOOR_UPSTREAM + pathInfo}, and writes the answer back: buffered with a
 * Content-Length for JSON, each chunk written and flushed as it arrives for {@code text/event-stream}. No routing, no
 * keys, no records. The servlet thread is released after the request is sent; the answer is written from the
 * client's thread.
 */
@WebServlet(urlPatterns = "/jetty/*", asyncSupported = true)
public class JettyProxyServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readAllBytes();
        String contentType = req.getContentType() == null ? "application/json" : req.getContentType();
        AsyncContext ac = req.startAsync();
        ac.setTimeout(180_000);
        Request up = Floor.jetty.newRequest(Floor.target(req)).method(HttpMethod.fromString(req.getMethod()))
                .timeout(120, TimeUnit.SECONDS);
        if (body.length > 0) up.body(new BytesRequestContent(contentType, body));
        up.send(new Response.Listener() {
            private boolean sse;
            private ServletOutputStream out;
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

            @Override
            public void onHeaders(Response r) {
                resp.setStatus(r.getStatus());
                String ct = r.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (ct != null) resp.setContentType(ct);
                sse = ct != null && ct.startsWith("text/event-stream");
                if (sse) resp.setHeader("Cache-Control", "no-cache");
            }

            @Override
            public void onContent(Response r, ByteBuffer content) {
                if (!sse) {
                    byte[] b = new byte[content.remaining()];
                    content.get(b);
                    buffer.writeBytes(b);
                    return;
                }
                try {
                    if (out == null) out = resp.getOutputStream();
                    byte[] b = new byte[content.remaining()];
                    content.get(b);
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    r.abort(e); // the client went away
                }
            }

            @Override
            public void onComplete(Result result) {
                try {
                    if (result.isFailed() && !resp.isCommitted()) {
                        resp.setStatus(502);
                        resp.setContentType("application/json");
                        resp.getOutputStream().write(("{\"error\":{\"message\":\"floor proxy: "
                                + String.valueOf(result.getFailure()).replace('"', '\'') + "\"}}").getBytes());
                    } else if (!sse) {
                        resp.setContentLength(buffer.size());
                        resp.getOutputStream().write(buffer.toByteArray());
                    }
                } catch (IOException | RuntimeException e) {
                    // the client went away
                } finally {
                    ac.complete();
                }
            }
        });
    }
}
