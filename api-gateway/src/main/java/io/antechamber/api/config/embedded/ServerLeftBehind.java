package io.antechamber.api.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run killed with SIGKILL leaves its PostgreSQL running on the data directory, and a new server cannot start
 * there. Its pid is the first line of postmaster.pid; it is asked to shut down (SIGTERM, a smart shutdown that
 * writes everything out) before a new one starts. Only call this with the directory claimed
 * ({@link DataDirectoryClaim}): a server some live process still uses must never be stopped.
 */
public final class ServerLeftBehind {

    private static final Logger log = LoggerFactory.getLogger(ServerLeftBehind.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private ServerLeftBehind() {
    }

    public static void stop(EmbeddedDataDirectory directory) throws IOException {
        Path pidFile = directory.cluster().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL of an earlier run (pid {}) still holds {}; stopping it",
                server.get().pid(), directory.cluster());
        server.get().destroy();
        try {
            server.get().onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for PostgreSQL pid " + server.get().pid() + " to stop", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("PostgreSQL pid " + server.get().pid() + " did not stop within " + SHUTDOWN_WAIT, e);
        }
    }
}
