package bench.floor;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The floor web module's shared state: one Jetty 12 {@link HttpClient} and one JDK {@link java.net.http.HttpClient},
 * each with pooled keep-alive connections, created when the module starts and stopped with it.
 *
 * <p>The upstream is the benchmark's fake ({@code FLOOR_UPSTREAM}, default {@code http://127.0.0.1:9281}); a request
 * to {@code /floor/jetty/X} or {@code /floor/jdk/X} goes to {@code FLOOR_UPSTREAM/X}. Client threads are named
 * {@code floor-*} and end after a few idle seconds, so the benchmark can tell them from the gateway's threads.
 */
@WebListener
public class Floor implements ServletContextListener {

    static final String UPSTREAM = upstream();
    static volatile HttpClient jetty;
    static volatile java.net.http.HttpClient jdk;
    private static volatile ExecutorService jdkExecutor;

    private static String upstream() {
        String u = System.getenv("FLOOR_UPSTREAM");
        if (u == null || u.isBlank()) u = System.getProperty("floor.upstream", "http://127.0.0.1:9281");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    static String target(HttpServletRequest req) {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String q = req.getQueryString();
        return UPSTREAM + path + (q == null ? "" : "?" + q);
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        try {
            QueuedThreadPool pool = new QueuedThreadPool(200, 2, 5_000);
            pool.setName("floor-jetty");
            pool.setDaemon(true);
            pool.setMaxEvictCount(200); // all idle threads end after 5 s, not one per 5 s (Jetty's default)
            HttpClient c = new HttpClient();
            c.setExecutor(pool);
            c.setScheduler(new ScheduledExecutorScheduler("floor-jetty-scheduler", true));
            c.setMaxConnectionsPerDestination(2048);
            c.setFollowRedirects(false);
            c.setConnectTimeout(10_000);
            c.setIdleTimeout(60_000);
            c.start();
            jetty = c;
        } catch (Exception e) {
            throw new IllegalStateException("Jetty HttpClient did not start", e);
        }
        AtomicInteger n = new AtomicInteger();
        // the JDK client's default executor is a cached pool; this is the same with named threads and a 5 s keep-alive
        jdkExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "floor-jdk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .executor(jdkExecutor).build();
        sce.getServletContext().log("floor: upstream " + UPSTREAM);
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        try {
            if (jetty != null) jetty.stop();
        } catch (Exception e) {
            sce.getServletContext().log("floor: Jetty HttpClient did not stop cleanly", e);
        }
        if (jdkExecutor != null) jdkExecutor.shutdownNow();
    }
}
