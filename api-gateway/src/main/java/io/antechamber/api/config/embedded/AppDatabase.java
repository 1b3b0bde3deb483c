package io.antechamber.api.config.embedded;

import static io.antechamber.api.config.embedded.EmbeddedCredentials.APP_DATABASE;
import static io.antechamber.api.config.embedded.EmbeddedCredentials.APP_ROLE;
import static io.antechamber.api.config.embedded.EmbeddedCredentials.SUPERUSER;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a running embedded server to the state the application expects, at every start and whatever state it was
 * left in: both roles have the passwords of the credentials file, the application's role {@code antechamber} is no
 * superuser and owns its database {@code antechamber} and everything in it, and pg_hba.conf asks every connection
 * for a password. Each step checks before it acts, so a start interrupted half-way is finished by the next.
 * <p>
 * Servers of earlier versions trusted every local connection and kept the application's tables in the database
 * {@code postgres}, owned by the superuser. Their data is copied to {@code antechamber} (CREATE DATABASE ... TEMPLATE,
 * one atomic step), handed over to the application's role, and removed from {@code postgres} afterwards.
 */
final class AppDatabase {

    private static final Logger log = LoggerFactory.getLogger(AppDatabase.class);
    private static final String LEGACY_DATABASE = "postgres";
    private static final String ROLE_LIMITS = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";

    private final int port;
    private final EmbeddedCredentials credentials;

    AppDatabase(int port, EmbeddedCredentials credentials) {
        this.port = port;
        this.credentials = credentials;
    }

    String jdbcUrl() {
        return url(APP_DATABASE);
    }

    void setUp(EmbeddedDataDirectory directory) throws SQLException, IOException {
        boolean legacyData = hasApplicationTables(LEGACY_DATABASE);
        try (Connection admin = asSuperuser("template1"); Statement statement = admin.createStatement()) {
            setPassword(admin, SUPERUSER, credentials.superuserPassword());
            if (!exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                statement.execute("CREATE ROLE " + APP_ROLE + ROLE_LIMITS);
            }
            statement.execute("ALTER ROLE " + APP_ROLE + ROLE_LIMITS);
            setPassword(admin, APP_ROLE, credentials.appPassword());
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + APP_DATABASE + "'")) {
                if (legacyData) {
                    log.info("Copying the application's data from the database {} to {} (first start since the"
                            + " embedded PostgreSQL has passwords)", LEGACY_DATABASE, APP_DATABASE);
                }
                statement.execute("CREATE DATABASE " + APP_DATABASE + " OWNER " + APP_ROLE
                        + (legacyData ? " TEMPLATE " + LEGACY_DATABASE : ""));
            }
            statement.execute("ALTER DATABASE " + APP_DATABASE + " OWNER TO " + APP_ROLE);
            statement.execute("REVOKE ALL ON DATABASE " + APP_DATABASE + " FROM PUBLIC");
        }
        handOverEverythingIn(APP_DATABASE);
        if (legacyData && hasApplicationTables(APP_DATABASE)) {
            removeApplicationTablesFrom(LEGACY_DATABASE);
        }
        if (!PasswordOnlyAccess.isInPlace(directory.hbaFile())) {
            boolean trusted = PasswordOnlyAccess.trustsConnections(directory.hbaFile());
            PasswordOnlyAccess.writeTo(directory.hbaFile());
            try (Connection admin = asSuperuser("template1"); Statement statement = admin.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
            if (trusted) {
                log.info("The embedded PostgreSQL trusted local connections; it now asks every one for a password");
            }
        }
    }

    /** The SCRAM verifier is computed by the driver: the password itself never reaches the server or its logs. */
    private static void setPassword(Connection admin, String role, String password) throws SQLException {
        admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    private void handOverEverythingIn(String database) throws SQLException {
        try (Connection admin = asSuperuser(database); Statement statement = admin.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            // tables first: their sequences follow them and cannot be given away on their own
            for (String alter : column(statement, """
                    SELECT format('ALTER %s public.%I OWNER TO %I',
                                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                                 WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.relname, r.rolname)
                    FROM pg_class c CROSS JOIN pg_roles r
                    WHERE r.rolname = ':role' AND c.relnamespace = 'public'::regnamespace
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> r.oid
                    """.replace(":role", APP_ROLE))) {
                statement.execute(alter);
            }
            for (String alter : column(statement, """
                    SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, r.rolname)
                    FROM pg_class c CROSS JOIN pg_roles r
                    WHERE r.rolname = ':role' AND c.relnamespace = 'public'::regnamespace
                      AND c.relkind = 'S' AND c.relowner <> r.oid
                    """.replace(":role", APP_ROLE))) {
                statement.execute(alter);
            }
            for (String alter : column(statement, """
                    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, r.rolname)
                    FROM pg_proc p CROSS JOIN pg_roles r
                    WHERE r.rolname = ':role' AND p.pronamespace = 'public'::regnamespace AND p.proowner <> r.oid
                    """.replace(":role", APP_ROLE))) {
                statement.execute(alter);
            }
        }
    }

    private void removeApplicationTablesFrom(String database) throws SQLException {
        try (Connection admin = asSuperuser(database); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        log.info("The application's data now lives in the database {}; its old copy in {} was removed",
                APP_DATABASE, database);
    }

    private boolean hasApplicationTables(String database) throws SQLException {
        try (Connection admin = asSuperuser("template1"); Statement statement = admin.createStatement()) {
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                return false;
            }
        }
        try (Connection admin = asSuperuser(database); Statement statement = admin.createStatement()) {
            return exists(statement, "SELECT 1 FROM pg_class WHERE relname = 'flyway_schema_history'"
                    + " AND relnamespace = 'public'::regnamespace");
        }
    }

    private Connection asSuperuser(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", credentials.superuserPassword());
        return DriverManager.getConnection(url(database), properties);
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    private static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
