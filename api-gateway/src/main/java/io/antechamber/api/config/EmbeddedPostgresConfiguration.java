package io.antechamber.api.config;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the product runs on an embedded PostgreSQL whose data stays in
 * {@code antechamber.embedded-db.data-directory}, so one command runs everything on a fresh machine. The server is a
 * Spring bean: it stops when the context closes, not from its own JVM shutdown hook, which would race the close.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceConfigured.class)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(AntechamberProperties properties) throws IOException {
        Path dataDirectory = Path.of(properties.embeddedDb().dataDirectory()).toAbsolutePath();
        Files.createDirectories(dataDirectory);
        stopServerLeftBehind(dataDirectory);
        log.info("No datasource configured: starting embedded PostgreSQL with its data in {}", dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // the library's defaults trade durability for test speed; the product keeps what it acknowledged
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
    }

    /**
     * A previous run killed with SIGKILL leaves its PostgreSQL running on the data directory, and a new server
     * cannot start there. Its pid is the first line of postmaster.pid; it is asked to shut down (SIGTERM, a smart
     * shutdown that writes everything out) before a new one starts.
     */
    private static void stopServerLeftBehind(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
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
                server.get().pid(), dataDirectory);
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

    /** Pool settings come from {@code spring.datasource.hikari}, as they do for a configured server. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(EmbeddedPostgres embeddedPostgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl(embeddedPostgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
