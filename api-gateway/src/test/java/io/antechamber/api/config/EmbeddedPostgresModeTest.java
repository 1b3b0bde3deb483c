package io.antechamber.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.config.embedded.EmbeddedServer;
import io.antechamber.api.config.embedded.OwnerOnlyFiles;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The product as a new user runs it: no datasource configured, so it starts its own PostgreSQL in the data
 * directory. That server asks every connection for a password, and the application connects as a role of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresModeTest {

    private static final String ADMIN = "embedded-mode-admin-token-0123456789";

    @TempDir
    Path data;

    @Test
    void a_new_data_directory_gets_passwords_kept_owner_only_and_the_app_connects_as_its_own_role() throws Exception {
        try (StandaloneApp app = startOn(data)) {
            app.http().get("/v1/ping").send().expect(200);
            new TestApi(app.http(), ADMIN).newOrg();

            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
            assertThat(Files.getPosixFilePermissions(data.resolve("credentials"))).isEqualTo(OwnerOnlyFiles.FILE);
            assertThat(data.resolve("postgres/PG_VERSION")).exists();
            assertThat(data).isDirectoryNotContaining("glob:**/.initdb-superuser-password");
            Path binaries = Path.of(System.getProperty("user.home"), ".cache", "antechamber");
            assertThat(Files.getPosixFilePermissions(binaries)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.info().command()).orElseThrow())
                    .as("the server runs binaries unpacked owner-only, not in the shared temporary directory")
                    .startsWith(binaries.toString());

            String url = app.bean(EmbeddedServer.class).jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .as("the superuser without a password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "antechamber", ""))
                    .as("the application's role without a password").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "antechamber", "wrong"))
                    .as("the application's role with a wrong password").isInstanceOf(SQLException.class);
            try (Connection superuser = DriverManager.getConnection(url, "postgres", password(data, "superuser"))) {
                assertThat(text(superuser, "SELECT current_user")).isEqualTo("postgres");
            }
            try (Connection connection = DriverManager.getConnection(url, "antechamber", password(data, "app"))) {
                assertThat(text(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                        .isEqualTo("false");
                assertThat(text(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                        + " WHERE datname = current_database()")).isEqualTo("antechamber");
                assertThat(text(connection, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tableowner <> 'antechamber'")).isEqualTo("0");
            }
        }
    }

    @Test
    void a_restart_on_the_same_directory_keeps_the_data_and_the_passwords_and_needs_them() throws Exception {
        TestApi.Org org;
        try (StandaloneApp first = startOn(data)) {
            org = new TestApi(first.http(), ADMIN).newOrg();
        }
        String passwords = Files.readString(data.resolve("credentials"));

        try (StandaloneApp second = startOn(data)) {
            second.http().get("/v1/me").auth(org.humanKey()).send().expect(200);
        }
        assertThat(Files.readString(data.resolve("credentials"))).isEqualTo(passwords);

        Files.delete(data.resolve("credentials"));
        assertThatThrownBy(() -> startOn(data).close()).as("a cluster that asks for passwords, without them")
                .rootCause().hasMessageContaining("asks for passwords, but their file");
        assertThat(data.resolve("credentials")).as("no new passwords that would not open the cluster").doesNotExist();
    }

    @Test
    void a_second_application_on_a_directory_in_use_is_refused_and_the_first_keeps_running(CapturedOutput output)
            throws Exception {
        try (StandaloneApp first = startOn(data)) {
            assertThatThrownBy(() -> startOn(data).close())
                    .rootCause().hasMessageContaining("is in use by this process");
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                    .contains("Stop the other application, or give this one a directory of its own");
            first.http().get("/v1/ping").send().expect(200);
            new TestApi(first.http(), ADMIN).newOrg();
        }
    }

    /** A server whose lock another live process holds is that process's: it is neither stopped nor shared. */
    @Test
    void a_directory_whose_server_lock_another_process_holds_is_refused() throws Exception {
        Path lock = Files.createDirectories(data.resolve("postgres")).resolve("epg-lock");
        Path program = data.resolve("HoldLock.java");
        Files.writeString(program, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE)) {
                            channel.lock();
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                program.toString(), lock.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> startOn(data).close())
                    .rootCause().hasMessageContaining("is in use by another running process");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    /**
     * Earlier versions initialised the cluster in the data directory itself, trusted every local connection, and ran
     * the application as the superuser in the database {@code postgres}.
     */
    @Test
    void a_directory_of_an_earlier_version_is_moved_to_passwords_and_the_apps_own_role_with_its_data() throws Exception {
        TestApi.Org org;
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
                StandaloneApp app = StandaloneApp.start(Map.of(
                        "spring.datasource.url", earlier.getJdbcUrl("postgres", "postgres"),
                        "spring.datasource.username", "postgres"), ADMIN)) {
            org = new TestApi(app.http(), ADMIN).newOrg();
        }

        try (StandaloneApp app = startOn(data)) {
            app.http().get("/v1/me").auth(org.humanKey()).send().expect(200);
            new TestApi(app.http(), ADMIN).newOrg();

            String url = app.bean(EmbeddedServer.class).jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .as("the superuser without a password").isInstanceOf(SQLException.class);
            assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(Files.getPosixFilePermissions(data.resolve("credentials"))).isEqualTo(OwnerOnlyFiles.FILE);
            try (Connection superuser = DriverManager.getConnection(url.replace("/antechamber", "/postgres"),
                    "postgres", password(data, "superuser"))) {
                assertThat(text(superuser, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"))
                        .as("the old copy of the application's tables").isEqualTo("0");
            }
            try (Connection connection = DriverManager.getConnection(url, "antechamber", password(data, "app"))) {
                assertThat(text(connection, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tableowner <> 'antechamber'")).isEqualTo("0");
            }
        }
    }

    private static StandaloneApp startOn(Path directory) {
        // an empty URL wins over a SPRING_DATASOURCE_URL a developer may have exported: the embedded mode it is
        return StandaloneApp.start(Map.of("spring.datasource.url", "",
                "antechamber.embedded-db.data-directory", directory.toString()), ADMIN);
    }

    private static String password(Path directory, String role) throws IOException {
        Properties credentials = new Properties();
        credentials.load(new StringReader(Files.readString(directory.resolve("credentials"))));
        return credentials.getProperty(role + ".password");
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
