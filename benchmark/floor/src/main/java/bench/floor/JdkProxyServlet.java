package bench.floor;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Floor (c): the same bare asynchronous proxy as {@link JettyProxyServlet}, with the JDK's
 * {@code java.net.http.HttpClient} (one shared client, HTTP/1.1, pooled keep-alive connections) instead of Jetty's.
 */
@WebServlet(urlPatterns = "/jdk/*", asyncSupported = true)
public class JdkProxyServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readAllBytes();
        String contentType = req.getContentType() == null ? "application/json" : req.getContentType();
        AsyncContext ac = req.startAsync();
        ac.setTimeout(180_000);
        HttpRequest up = HttpRequest.newBuilder(URI.create(Floor.target(req))).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .method(req.getMethod(), body.length > 0 ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            resp.setStatus(info.statusCode());
            String ct = info.headers().firstValue("content-type").orElse(null);
            if (ct != null) resp.setContentType(ct);
            if (ct == null || !ct.startsWith("text/event-stream")) return HttpResponse.BodySubscribers.ofByteArray();
            resp.setHeader("Cache-Control", "no-cache");
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.fromSubscriber(new SseCopy(resp)), v -> null);
        };
        Floor.jdk.sendAsync(up, handler).whenComplete((r, err) -> {
            try {
                if (err != null && !resp.isCommitted()) {
                    resp.setStatus(502);
                    resp.setContentType("application/json");
                    resp.getOutputStream().write(("{\"error\":{\"message\":\"floor proxy: "
                            + String.valueOf(err).replace('"', '\'') + "\"}}").getBytes());
                } else if (err == null && r.body() != null) {
                    resp.setContentLength(r.body().length);
                    resp.getOutputStream().write(r.body());
                }
            } catch (IOException | RuntimeException e) {
                // the client went away
            } finally {
                ac.complete();
            }
        });
    }

    /** Writes and flushes each piece of an event stream as it arrives. */
    private static final class SseCopy implements Flow.Subscriber<List<ByteBuffer>> {
        private final HttpServletResponse resp;
        private Flow.Subscription subscription;
        private ServletOutputStream out;

        SseCopy(HttpServletResponse resp) {
            this.resp = resp;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                if (out == null) out = resp.getOutputStream();
                for (ByteBuffer b : buffers) {
                    byte[] a = new byte[b.remaining()];
                    b.get(a);
                    out.write(a);
                }
                out.flush();
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel(); // the client went away
            }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onComplete() {
        }
    }
}
