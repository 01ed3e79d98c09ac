import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording as Markdown (JDK 17 single-file program): {@code java benchmark/JfrSummary.java F.jfr [N]}.
 * Top frames by CPU ({@code jdk.ExecutionSample}: the method on top of the stack) and by allocation
 * ({@code jdk.ObjectAllocationSample}, weighted by bytes: the allocating method), each also by the first gateway frame
 * ({@code io.circuitbreaker.*}) on the stack, which says which of the gateway's own code paths the cost belongs to.
 */
public class JfrSummary {

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Long> cpuTop = new HashMap<>(), cpuOwn = new HashMap<>(), allocTop = new HashMap<>(),
                allocOwn = new HashMap<>();
        long cpuTotal = 0, allocTotal = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) continue;
            if (type.equals("jdk.ExecutionSample")) {
                cpuTotal++;
                cpuTop.merge(name(st.getFrames().get(0)), 1L, Long::sum);
                cpuOwn.merge(own(st.getFrames()), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long w = e.getLong("weight");
                allocTotal += w;
                String cls = e.getClass("objectClass") == null ? "?" : e.getClass("objectClass").getName();
                allocTop.merge(name(st.getFrames().get(0)) + " (" + cls + ")", w, Long::sum);
                allocOwn.merge(own(st.getFrames()), w, Long::sum);
            }
        }
        table("CPU: top frames (" + cpuTotal + " execution samples)", cpuTop, cpuTotal, n, "samples");
        table("CPU: first gateway frame on the stack", cpuOwn, cpuTotal, n, "samples");
        table("Allocation: top allocating frames (" + allocTotal / (1024 * 1024) + " MB sampled weight)", allocTop,
                allocTotal, n, "MB");
        table("Allocation: first gateway frame on the stack", allocOwn, allocTotal, n, "MB");
    }

    static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static String own(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("io.circuitbreaker.")) return name(f);
        }
        return "(no gateway frame: server, JDK or library thread)";
    }

    static void table(String title, Map<String, Long> m, long total, int n, String unit) {
        System.out.println("\n**" + title + "**\n");
        System.out.println("| Share | " + unit + " | Frame |\n|---:|---:|---|");
        List<Map.Entry<String, Long>> top = m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue()
                .reversed()).limit(n).collect(Collectors.toList());
        for (Map.Entry<String, Long> e : top) {
            String v = unit.equals("MB") ? String.format("%.1f", e.getValue() / 1048576.0) : e.getValue().toString();
            System.out.printf("| %.1f%% | %s | `%s` |%n", 100.0 * e.getValue() / Math.max(1, total), v, e.getKey());
        }
    }
}
