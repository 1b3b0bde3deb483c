package io.antechamber.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that picks the PostgreSQL the integration tests run on: the server in
 * {@code ANTECHAMBER_TEST_DB_URL} (a fresh database is created on it for this test JVM), else a Testcontainers
 * PostgreSQL when a Docker engine answers, else the application's own embedded PostgreSQL in a fresh directory.
 */
public final class TestDatabase {

    private static final String PREFIX = "antechamber_test_";
    private static final long STALE_AFTER_S = 2 * 3600;

    private static Map<String, String> properties;

    private TestDatabase() {
    }

    public static void configure(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    private static PostgreSQLContainer<?> container;
    private static Boolean dockerAvailable;

    private static EmbeddedPostgres standalone;

    /**
     * The Spring properties that point an application at the shared test database. Without a server or Docker,
     * that is the application's own embedded PostgreSQL (its lifecycle tied to the shared test context).
     */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = serverUrl() != null || dockerAvailable() ? freshProperties() : Map.of(
                    "antechamber.embedded-db.data-directory",
                    Path.of("target", "embedded-pg", UUID.randomUUID().toString()).toAbsolutePath().toString());
        }
        return properties;
    }

    /**
     * A database of its own, for tests that run applications apart from the shared one (restarts, replicas).
     * Without a server or Docker, databases are created on one embedded PostgreSQL server started for them.
     */
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
        if (standalone == null) {
            try {
                standalone = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
            }
        }
        return freshDatabaseOn(standalone.getJdbcUrl("postgres", "postgres"), "postgres", "");
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
