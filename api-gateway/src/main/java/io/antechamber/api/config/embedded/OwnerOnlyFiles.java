package io.antechamber.api.config.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories only their owner may read: 0700 directories, 0600 files. On a file system without POSIX
 * permissions (Windows) they are left as the system makes them.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates the directory (and its parents) owner-only, or makes an existing one owner-only. */
    public static void directory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            tighten(directory, DIRECTORY);
            return;
        }
        Files.createDirectories(directory);
        restrict(directory, DIRECTORY);
    }

    /**
     * Writes the file owner-only from its first byte: a temporary file created 0600 beside it, then moved over it in
     * one step, so a crash leaves the old content or the new one, never half of it.
     */
    public static void write(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (posix(file.getParent())) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Gives a file or directory exactly these permissions, and says so when that changed anything. */
    public static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (posix(path) && !Files.getPosixFilePermissions(path).equals(wanted)) {
            log.warn("{} had permissions {}; set to {}", path,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                    PosixFilePermissions.toString(wanted));
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    private static boolean posix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
