package io.antechamber.api.support;

import io.antechamber.api.config.embedded.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of one test's own, which the test stops and starts again with {@code pg_ctl} on the same data
 * directory and port while applications use it. It is as durable as the product's embedded server (fsync and
 * synchronous commit on): a commit it acknowledged survives an immediate stop. Its data directory is deleted on
 * {@link #close()}.
 */
public final class ControlledPostgres implements AutoCloseable {

    private static final Map<String, String> SETTINGS = settings();
    private static final long PG_CTL_TIMEOUT_S = 120;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path pgCtl;
    private final Path log;
    private boolean running = true;

    private ControlledPostgres(EmbeddedPostgres postgres, Path dataDirectory, Path pgCtl, Path log) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
        this.log = log;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        settings.put("full_page_writes", "on");
        settings.put("listen_addresses", "localhost");
        settings.put("timezone", "UTC");
        settings.put("max_connections", "100");
        return settings;
    }

    public static ControlledPostgres start() throws IOException {
        Path root = Path.of("target", "controlled-postgres", UUID.randomUUID().toString()).toAbsolutePath();
        Path dataDirectory = root.resolve("data");
        Files.createDirectories(root);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(EmbeddedServer.binariesDirectory().toFile())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false);
        SETTINGS.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        return new ControlledPostgres(postgres, dataDirectory, pgCtlOf(dataDirectory), root.resolve("server.log"));
    }

    /** The pg_ctl beside the binary that runs this cluster: the one of the cluster's own version. */
    private static Path pgCtlOf(Path dataDirectory) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        String binary = ProcessHandle.of(postmaster).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot tell which binary runs PostgreSQL " + postmaster));
        return Path.of(binary).resolveSibling("pg_ctl");
    }

    /** Spring's datasource properties for an application on this server. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        return properties;
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, without a checkpoint. */
    public void stopImmediately() {
        pgCtl("stop", "-m", "immediate");
        running = false;
    }

    /** Starts the server again on the same data directory and port; it recovers from its write-ahead log. */
    public void startAgain() {
        StringBuilder options = new StringBuilder("-p " + postgres.getPort());
        SETTINGS.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
        pgCtl("start", "-l", log.toString(), "-o", options.toString());
        running = true;
    }

    private void pgCtl(String action, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as root, in a user namespace of its own, the way the library runs PostgreSQL's binaries
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), action, "-D", dataDirectory.toString(), "-w", "-t",
                String.valueOf(PG_CTL_TIMEOUT_S)));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(PG_CTL_TIMEOUT_S + 10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + action + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + action, e);
        }
    }

    /** Stops the server (started again first if a test left it stopped, so the library can stop it its way). */
    @Override
    public void close() throws IOException {
        if (!running) {
            startAgain();
        }
        postgres.close();
    }
}
