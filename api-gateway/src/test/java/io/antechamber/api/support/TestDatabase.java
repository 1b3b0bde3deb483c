package io.antechamber.api.support;

import io.antechamber.api.config.embedded.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that picks the PostgreSQL the integration tests run on: the server in
 * {@code ANTECHAMBER_TEST_DB_URL}, else a Testcontainers PostgreSQL when a Docker engine answers, else one embedded
 * PostgreSQL server started for this test JVM. Whichever it is, the shared test application and each application
 * a test starts apart get a fresh database on it through {@code spring.datasource.*}. The product's own embedded
 * mode (no datasource configured: a server per data directory) is tested apart, in EmbeddedPostgresModeTest.
 */
public final class TestDatabase {

    private static final String PREFIX = "antechamber_test_";
    private static final long STALE_AFTER_S = 2 * 3600;
    private static final Duration CLIENTS_GONE_WAIT = Duration.ofSeconds(30);
    private static final Path TEST_CLUSTERS = Path.of("target", "test-postgres").toAbsolutePath();

    private static Map<String, String> properties;
    private static PostgreSQLContainer<?> container;
    private static Boolean dockerAvailable;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static void configure(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The Spring properties that point the shared test application at its database. */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = freshProperties();
        }
        return properties;
    }

    /** A database of its own, for tests that run applications apart from the shared one (restarts, replicas). */
    public static synchronized Map<String, String> freshProperties() {
        if (serverUrl() != null) {
            return freshDatabaseOn(serverUrl(), env("ANTECHAMBER_TEST_DB_USER", "postgres"),
                    env("ANTECHAMBER_TEST_DB_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
            }
            return freshDatabaseOn(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return freshDatabaseOn(embeddedServer().getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /**
     * The embedded test server keeps the library's test settings (no fsync, asynchronous commit). It is stopped at
     * JVM exit only once the applications that use it have closed: Spring closes the cached test contexts from its
     * own shutdown hook, in parallel with every other hook, and a server stopped under them makes their pools and
     * processors fail and retry. The library's own shutdown hook does exactly that, so it is switched off.
     * <p>
     * Its cluster is not deleted at exit, which takes seconds of disk I/O, but by the next test JVM, in the
     * background while its applications start ({@link #deleteClustersOfEarlierRuns}); {@code mvn clean} deletes
     * them too.
     */
    private static EmbeddedPostgres embeddedServer() {
        if (embedded == null) {
            Path cluster = TEST_CLUSTERS.resolve(UUID.randomUUID().toString());
            try {
                embedded = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(EmbeddedServer.binariesDirectory().toFile())
                        .setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopEmbeddedServerOnceUnused,
                    "test-postgres-closer"));
            Thread cleaner = new Thread(() -> deleteClustersOfEarlierRuns(cluster), "test-postgres-cleaner");
            cleaner.setDaemon(true);
            cleaner.start();
        }
        return embedded;
    }

    /**
     * Deletes the clusters whose lock (held by the library while its server runs, dropped by the operating system
     * when the process ends) no process holds: those of test JVMs that have ended. A cluster without a lock file yet
     * may be another JVM's, still in initdb, and stays.
     */
    private static void deleteClustersOfEarlierRuns(Path own) {
        try (Stream<Path> clusters = Files.list(TEST_CLUSTERS)) {
            for (Path cluster : clusters.filter(path -> !path.equals(own)).toList()) {
                if (lockIsFree(cluster.resolve("epg-lock"))) {
                    FileSystemUtils.deleteRecursively(cluster);
                }
            }
        } catch (IOException e) {
            // left for the next run or mvn clean
        }
    }

    private static boolean lockIsFree(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void stopEmbeddedServerOnceUnused() {
        try (Connection connection = embedded.getPostgresDatabase().getConnection()) {
            Awaitility.await().atMost(CLIENTS_GONE_WAIT).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions().until(() -> otherClients(connection) == 0);
        } catch (SQLException | ConditionTimeoutException e) {
            // stop it anyway: the JVM is exiting
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int otherClients(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static String serverUrl() {
        String url = System.getenv("ANTECHAMBER_TEST_DB_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * Creates {@code antechamber_test_<epoch seconds>_<random>}; databases of earlier runs older than two hours are
     * dropped first, so a developer's server does not fill up with them.
     */
    private static Map<String, String> freshDatabaseOn(String serverUrl, String user, String password) {
        long now = System.currentTimeMillis() / 1000;
        String name = PREFIX + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            dropStaleDatabases(statement, now);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + serverUrl, e);
        }
        String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
        return datasource(base.substring(0, base.lastIndexOf('/') + 1) + name, user, password);
    }

    private static void dropStaleDatabases(Statement statement, long now) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                + PREFIX + "%'")) {
            while (names.next()) {
                String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && now - Long.parseLong(parts[0]) > STALE_AFTER_S) {
                    stale.add(names.getString(1));
                }
            }
        }
        for (String database : stale) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        Map<String, String> datasource = new LinkedHashMap<>();
        datasource.put("spring.datasource.url", url);
        datasource.put("spring.datasource.username", user);
        datasource.put("spring.datasource.password", password);
        return datasource;
    }

    private static synchronized boolean dockerAvailable() {
        if (dockerAvailable == null) {
            dockerAvailable = probeDocker();
        }
        return dockerAvailable;
    }

    private static boolean probeDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
