package io.antechamber.api.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The embedded server's pg_hba.conf: connections come over loopback TCP and authenticate with a password
 * (scram-sha-256); Unix-socket connections, which nothing here uses, are not accepted at all. The file is
 * Antechamber's to write; edits to it are replaced at the next start.
 */
public final class PasswordOnlyAccess {

    static final String HBA = """
            # Written by Antechamber at every start of its embedded PostgreSQL (docs/security.md): every connection
            # needs a password. TYPE DATABASE USER ADDRESS METHOD
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private static final Pattern TRUST_LINE = Pattern.compile("(?m)^\\s*[^#\\s].*\\strust\\s*$");

    private PasswordOnlyAccess() {
    }

    /** True when pg_hba.conf lets connections in without a password, as the servers of earlier versions did. */
    public static boolean trustsConnections(Path hbaFile) throws IOException {
        return TRUST_LINE.matcher(Files.readString(hbaFile)).find();
    }

    public static boolean isInPlace(Path hbaFile) throws IOException {
        return Files.readString(hbaFile).equals(HBA);
    }

    public static void writeTo(Path hbaFile) throws IOException {
        OwnerOnlyFiles.write(hbaFile, HBA);
    }
}
