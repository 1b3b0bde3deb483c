package io.antechamber.api.support;

import io.antechamber.api.AntechamberApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The application in a JVM of its own, started with this test JVM's class path, so a test can kill it the way the
 * operating system would ({@link #kill()} sends SIGKILL). Its output is appended to a log file.
 */
public final class AppProcess implements AutoCloseable {

    /** SIGKILL's number; a process it ended exits with 128 + 9, as Java reports it on Linux. */
    public static final int KILLED_EXIT_CODE = 128 + 9;

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Process process;
    private final Http http;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.http = new Http(port);
    }

    /** Starts the application on {@code port}; it answers once {@link #awaitReady} returns. */
    public static AppProcess start(Map<String, String> database, String adminToken, int port, Path log,
            List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:+UseSerialGC",
                // the test starts it again and again: a quick start counts for more than peak speed
                "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-cp", classPath(), AntechamberApplication.class.getName(),
                "--server.port=" + port, "--antechamber.admin-token=" + adminToken));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(extraArgs);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new AppProcess(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs tests from a jar whose manifest names the class path; it passes the class path itself too. */
    public static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the application is ready for traffic; fails at once if its JVM has ended. */
    public AppProcess awaitReady(Duration patience) {
        Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .failFast("the application's JVM ended", () -> !process.isAlive())
                .until(() -> http.get("/actuator/health/readiness").send().status() == 200);
        return this;
    }

    public Http http() {
        return http;
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop. Returns the exit code once it is gone. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
