package io.antechamber.api.config.embedded;

import io.antechamber.api.config.StartRefusedException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.springframework.util.StringUtils;

/**
 * The embedded PostgreSQL's two passwords: its superuser's ({@code postgres}, used only at start-up to set the
 * server up) and the application's role's ({@code antechamber}). Generated on first start and kept in the data
 * directory's {@code credentials} file, owner-only.
 */
public record EmbeddedCredentials(String superuserPassword, String appPassword) {

    public static final String SUPERUSER = "postgres";
    public static final String APP_ROLE = "antechamber";
    public static final String APP_DATABASE = "antechamber";

    private static final String SUPERUSER_KEY = "superuser.password";
    private static final String APP_KEY = "app.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The passwords in {@code file}, or new ones written there when it does not exist. */
    public static EmbeddedCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return load(file);
        }
        EmbeddedCredentials fresh = new EmbeddedCredentials(randomPassword(), randomPassword());
        OwnerOnlyFiles.write(file, fresh.asFileContent());
        return fresh;
    }

    public static boolean existIn(Path file) {
        return Files.exists(file);
    }

    private static EmbeddedCredentials load(Path file) throws IOException {
        OwnerOnlyFiles.tighten(file, OwnerOnlyFiles.FILE);
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        String superuser = properties.getProperty(SUPERUSER_KEY);
        String app = properties.getProperty(APP_KEY);
        if (!StringUtils.hasText(superuser) || !StringUtils.hasText(app)) {
            throw new StartRefusedException(file + " must hold " + SUPERUSER_KEY + " and " + APP_KEY + ".",
                    "Restore the file from a backup of the data directory (docs/configuration.md, \"Embedded"
                            + " PostgreSQL\").");
        }
        return new EmbeddedCredentials(superuser.strip(), app.strip());
    }

    private String asFileContent() throws IOException {
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER_KEY, superuserPassword);
        properties.setProperty(APP_KEY, appPassword);
        StringWriter out = new StringWriter();
        properties.store(out, "Passwords of the embedded PostgreSQL (docs/configuration.md). Keep this file private.");
        return out.toString();
    }

    /** 256 random bits in hex: nothing to quote anywhere, nothing to guess. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[passwords hidden]";
    }
}
