import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * The benchmark's SSE client (JDK 17 single-file program, JDK HttpClient, no dependencies).
 *
 * <pre>
 * java benchmark/StreamClient.java seq        URL BODY_FILE COUNT   # COUNT streams one after another
 * java benchmark/StreamClient.java concurrent URL BODY_FILE COUNT   # COUNT streams all open at once
 * </pre>
 *
 * Prints one line {@code RESULT key=value ...}: time to first token (request sent → first {@code data:} event with
 * content), total time (→ {@code data: [DONE]} or end of body), gaps between consecutive {@code data:} events,
 * completed and failed streams (a stream is complete when it got {@code [DONE]} and status 200).
 * Headers: {@code Authorization: Bearer $GATEWAY_KEY}, plus {@code $EXTRA_HEADERS} (one {@code Name: value} a line,
 * replacing a default of the same name), as {@code benchmark/post.lua} sends them.
 */
public class StreamClient {

    static final class Result {
        long start, firstData = -1, end;
        int events;
        boolean done;
        String error;
        final List<Long> gapsNs = new ArrayList<>();
        long lastData = -1;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI uri = URI.create(args[1]);
        String body = Files.readString(Path.of(args[2]));
        int count = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60)).build();
        List<Result> results = new ArrayList<>();
        long t0 = System.nanoTime();
        if ("seq".equals(mode)) {
            for (int i = 0; i < count; i++) {
                Result r = new Result();
                stream(client, uri, body, r).join();
                results.add(r);
            }
        } else {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Result r = new Result();
                results.add(r);
                all.add(stream(client, uri, body, r));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        double wallS = (System.nanoTime() - t0) / 1e9;
        List<Long> ttft = new ArrayList<>(), total = new ArrayList<>(), gaps = new ArrayList<>();
        int completed = 0, failed = 0;
        long events = 0;
        String firstError = null;
        for (Result r : results) {
            if (r.done && r.error == null) {
                completed++;
                ttft.add(r.firstData - r.start);
                total.add(r.end - r.start);
                gaps.addAll(r.gapsNs);
                events += r.events;
            } else {
                failed++;
                if (firstError == null) firstError = r.error == null ? "no [DONE]" : r.error;
            }
        }
        System.out.printf("RESULT streams=%d completed=%d failed=%d wall_s=%.2f events_per_stream=%.1f "
                        + "ttft_p50_ms=%.3f ttft_p99_ms=%.3f total_p50_ms=%.3f total_p99_ms=%.3f total_max_ms=%.3f "
                        + "gap_p50_ms=%.3f gap_p99_ms=%.3f gap_max_ms=%.3f%s%n",
                count, completed, failed, wallS, completed == 0 ? 0.0 : (double) events / completed,
                pct(ttft, 50), pct(ttft, 99), pct(total, 50), pct(total, 99), pct(total, 100),
                pct(gaps, 50), pct(gaps, 99), pct(gaps, 100),
                firstError == null ? "" : " first_error=" + firstError.replace(' ', '_'));
    }

    static CompletableFuture<Void> stream(HttpClient client, URI uri, String body, Result r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("GATEWAY_KEY", "none"));
        for (String line : System.getenv().getOrDefault("EXTRA_HEADERS", "").split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) b.setHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        HttpRequest req = b.POST(HttpRequest.BodyPublishers.ofString(body)).build();
        r.start = System.nanoTime();
        return client.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
            public void onNext(String line) {
                if (!line.startsWith("data:")) return;
                long now = System.nanoTime();
                if (line.contains("[DONE]")) { r.done = true; r.end = now; return; }
                if (line.contains("\"error\"")) r.error = "error event";
                r.events++;
                if (r.firstData < 0) r.firstData = now; else r.gapsNs.add(now - r.lastData);
                r.lastData = now;
            }
            public void onError(Throwable t) { r.error = String.valueOf(t); }
            public void onComplete() { if (r.end == 0) r.end = System.nanoTime(); }
        })).handle((resp, err) -> {
            if (err != null) r.error = String.valueOf(err);
            else if (resp.statusCode() != 200) r.error = "status " + resp.statusCode();
            return null;
        });
    }

    static double pct(List<Long> ns, double p) {
        if (ns.isEmpty()) return 0;
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i))) / 1e6;
    }
}
