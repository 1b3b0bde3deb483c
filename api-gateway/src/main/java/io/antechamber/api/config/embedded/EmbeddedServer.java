package io.antechamber.api.config.embedded;

import io.antechamber.api.config.StartRefusedException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's embedded PostgreSQL on its data directory, set up for the application (password authentication,
 * the application's own role and database), until {@link #close()}.
 */
public final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final DataDirectoryClaim claim;
    private final AppDatabase database;
    private final EmbeddedCredentials credentials;

    private EmbeddedServer(EmbeddedPostgres postgres, DataDirectoryClaim claim, AppDatabase database,
            EmbeddedCredentials credentials) {
        this.postgres = postgres;
        this.claim = claim;
        this.database = database;
        this.credentials = credentials;
    }

    public static EmbeddedServer start(Path dataDirectory) throws IOException, SQLException {
        EmbeddedDataDirectory directory = EmbeddedDataDirectory.at(dataDirectory).prepare();
        DataDirectoryClaim claim = DataDirectoryClaim.claim(directory);
        try {
            ServerLeftBehind.stop(directory);
            refuseWhenLockedOut(directory);
            EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(directory.credentials());
            log.info("No datasource configured: starting embedded PostgreSQL with its data in {}", directory.root());
            EmbeddedPostgres postgres = startPostgres(directory, credentials);
            AppDatabase database = new AppDatabase(postgres.getPort(), credentials);
            try {
                database.setUp(directory);
            } catch (IOException | SQLException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new EmbeddedServer(postgres, claim, database, credentials);
        } catch (IOException | SQLException | RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /** A server that asks for passwords cannot be set up again without them: say what is missing. */
    private static void refuseWhenLockedOut(EmbeddedDataDirectory directory) throws IOException {
        if (directory.clusterExists() && !EmbeddedCredentials.existIn(directory.credentials())
                && !PasswordOnlyAccess.trustsConnections(directory.hbaFile())) {
            throw new StartRefusedException("The embedded PostgreSQL in " + directory.cluster()
                    + " asks for passwords, but their file " + directory.credentials() + " is missing.",
                    "Restore the file from a backup of the data directory (docs/configuration.md, \"Embedded"
                            + " PostgreSQL\").");
        }
    }

    /**
     * Where the library unpacks the PostgreSQL binaries, created owner-only. Its default is under java.io.tmpdir,
     * where on a shared host another user could swap them before they run with the superuser's password at hand.
     * The library unpacks once per JVM, wherever the first server asked, so every server of ours names this one.
     */
    public static Path binariesDirectory() throws IOException {
        Path binaries = Path.of(System.getProperty("user.home"), ".cache", "antechamber");
        OwnerOnlyFiles.directory(binaries);
        return binaries;
    }

    private static EmbeddedPostgres startPostgres(EmbeddedDataDirectory directory, EmbeddedCredentials credentials)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesDirectory().toFile())
                .setDataDirectory(directory.cluster())
                .setCleanDataDirectory(false)
                // closed with the Spring context, after the beans that use it; the library's own JVM shutdown
                // hook would race that close
                .setRegisterShutdownHook(false)
                // the library's defaults trade durability for test speed; the product keeps what it acknowledged
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the library checks that the server is up as the superuser
                .setConnectConfig("password", credentials.superuserPassword());
        Path passwordFile = directory.root().resolve(".initdb-superuser-password");
        Files.deleteIfExists(passwordFile);
        if (!directory.clusterExists()) {
            // initdb's own options, passed where the library passes its locale options; they come after its
            // "-A trust", so a new cluster asks for passwords from its first start
            OwnerOnlyFiles.write(passwordFile, credentials.superuserPassword() + "\n");
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
        }
        try {
            return builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public String username() {
        return EmbeddedCredentials.APP_ROLE;
    }

    public String password() {
        return credentials.appPassword();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            claim.close();
        }
    }
}
