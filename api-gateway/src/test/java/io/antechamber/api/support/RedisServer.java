package io.antechamber.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A redis-server of the test's own, on a free port of 127.0.0.1, without persistence, that the test can stop and start
 * again on the same port. The machine's own Redis is never touched.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";
    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    private final int port;
    private final String password;
    private final Path log;
    private Process process;

    private RedisServer(int port, String password) {
        this.port = port;
        this.password = password;
        this.log = Path.of("target", "redis-" + port + ".log").toAbsolutePath();
    }

    /** A server on a free port, not started yet. */
    public static RedisServer onFreePort() {
        return new RedisServer(AppProcess.freePort(), null);
    }

    /** A server on a free port, not started yet, whose clients must give this password. */
    public static RedisServer onFreePortWithPassword(String password) {
        return new RedisServer(AppProcess.freePort(), password);
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public RedisServer start() {
        return start(List.of("--user", "default", "on", credential(), "~*", "&*", "+@all"));
    }

    /**
     * Starts it again on the same port with PUBLISH forbidden to every client: a test subscribes first, then
     * {@link #allowPublish()}, so it sees what a publisher sends from the moment Redis is back.
     */
    public RedisServer startRefusingPublish() {
        return start(List.of("--user", "default", "on", credential(), "~*", "&*", "+@all", "-publish"));
    }

    public void allowPublish() {
        String answer = command("ACL", "SETUSER", "default", "+publish");
        if (!answer.startsWith("+OK")) {
            throw new IllegalStateException("redis refused to allow PUBLISH: " + answer);
        }
    }

    private String credential() {
        return password == null ? "nopass" : ">" + password;
    }

    private RedisServer start(List<String> extra) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is running already");
        }
        List<String> command = new ArrayList<>(List.of(BINARY, "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"));
        command.addAll(extra);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .failFast("redis-server ended; see " + log, () -> !process.isAlive())
                .until(() -> command("PING").startsWith("+PONG"));
        return this;
    }

    /** Stops it as an operator would (SIGTERM) and waits until it is gone, so the port refuses connections. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One command in the inline protocol; the first line of the answer. */
    private String command(String... words) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String answer = readLine(in);
                if (!answer.startsWith("+OK")) {
                    return answer;
                }
            }
            out.write((String.join(" ", words) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readLine(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        stop();
    }
}
