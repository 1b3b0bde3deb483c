package io.antechamber.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text summary of a JFR recording of the app (bench/profile), so that a profile can be read without a GUI:
 * CPU samples by the code's own method (self), by method anywhere on the stack (inclusive, once per sample), by
 * library of the top frame, and where threads blocked on monitors.
 */
final class JfrTop {

    private JfrTop() {
    }

    static void run(Map<String, String> args) throws IOException {
        Path file = Path.of(Main.required(args, "jfr"));
        int limit = Integer.parseInt(args.getOrDefault("top", "25"));
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> library = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> inclusiveLibraries = new HashMap<>();
        Map<String, Long> callerOfJdk = new HashMap<>();
        Map<String, Duration> blocked = new HashMap<>();
        Map<String, Duration> parked = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String top = name(frames.get(0));
                self.merge(top, 1L, Long::sum);
                library.merge(library(frames.get(0)), 1L, Long::sum);
                callerOfJdk.merge(firstNonJdk(frames), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (seen.add(n)) {
                        inclusive.merge(n, 1L, Long::sum);
                        if (FOCUS.contains(library(frame))) {
                            inclusiveLibraries.merge(n, 1L, Long::sum);
                        }
                    }
                }
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N").replaceAll("\\d+", "N"),
                        1L, Long::sum);
            } else if (type.equals("jdk.JavaMonitorEnter")) {
                RecordedStackTrace stack = event.getStackTrace();
                String where = stack == null || stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
                String monitor = event.getClass("monitorClass") == null ? "?" : event.getClass("monitorClass").getName();
                blocked.merge(monitor + " at " + where, event.getDuration(), Duration::plus);
            } else if (type.equals("jdk.ThreadPark")) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null) {
                    parked.merge(firstNonJdk(stack.getFrames()), event.getDuration(), Duration::plus);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d CPU samples%n", file.getFileName(), samples);
        print("CPU by library of the running frame", library, samples, limit);
        print("CPU by thread (names with numbers folded)", threads, samples, 12);
        print("CPU self (the method running)", self, samples, limit);
        print("CPU self, JDK frames charged to their first non-JDK caller", callerOfJdk, samples, limit);
        print("CPU inclusive (the method anywhere on the stack)", inclusive, samples, limit);
        print("CPU inclusive, only methods of " + FOCUS, inclusiveLibraries, samples, limit * 3);
        System.out.println("\nBlocked on monitors (total time, top " + limit + "):");
        blocked.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %8.1f ms  %s%n", e.getValue().toNanos() / 1e6,
                        e.getKey()));
        System.out.println("\nParked threads (total time of parks over 20 ms, by first non-JDK frame, top " + limit
                + "):");
        parked.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %10.1f ms  %s%n", e.getValue().toNanos() / 1e6,
                        e.getKey()));
    }

    private static final Set<String> FOCUS = Set.of("antechamber", "axon", "jackson", "postgresql-jdbc", "hikari",
            "micrometer", "db-scheduler");

    /** Where a parked thread waits: the first frame outside the JDK (a pool, a lock, a queue of a library). */
    private static String firstNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (!library(frame).equals("jdk")) {
                return name(frame);
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0));
    }

    private static void print(String title, Map<String, Long> counts, long total, int limit) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String library(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[][] libraries = {
                {"io.antechamber.", "antechamber"}, {"org.axonframework.", "axon"},
                {"com.fasterxml.jackson.", "jackson"}, {"org.postgresql.", "postgresql-jdbc"},
                {"com.zaxxer.hikari.", "hikari"}, {"org.springframework.", "spring"},
                {"org.apache.catalina.", "tomcat"}, {"org.apache.coyote.", "tomcat"},
                {"org.apache.tomcat.", "tomcat"}, {"org.hibernate.", "hibernate"},
                {"ch.qos.logback.", "logback"}, {"org.slf4j.", "logging"}, {"io.micrometer.", "micrometer"},
                {"com.github.kagkarlsson.", "db-scheduler"}, {"java.", "jdk"}, {"javax.", "jdk"},
                {"jdk.", "jdk"}, {"sun.", "jdk"}, {"com.sun.", "jdk"}};
        for (String[] library : libraries) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        return type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type;
    }
}
