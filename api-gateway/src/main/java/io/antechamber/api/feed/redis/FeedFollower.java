package io.antechamber.api.feed.redis;

import io.antechamber.api.feed.RoomFeedWriter;
import io.antechamber.api.listen.DedicatedSessions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the room feed from one replica of the cluster at a time, for a side effect that must see the entries in
 * order and never from two replicas at once (publishing to Redis, sending Web Push).
 * <p>
 * The replica whose database session holds the follower's advisory lock follows; the others try again every
 * {@link #STANDBY_RETRY}. On that session it listens to {@code NOTIFY room_feed} (the feed writer sends it when it
 * commits), reads {@code room_events} in seq order after the position stored under the follower's cursor name, hands
 * each batch to its {@link Handler} and stores the position the handler reached. Without a notification it reads
 * again after {@link #POLL_FALLBACK}, which also finds out a dead session. The session is never handed back to the
 * pool: it is closed, which ends the lock and the LISTEN with it.
 */
public final class FeedFollower {

    /** What is done with the entries, on the follower's thread. */
    public interface Handler {

        /** This replica has taken over, and reads on after {@code position}. */
        void tookOver(long position);

        /**
         * Handles {@code batch} in order and returns the seq of the last entry handled: {@code position} when none
         * was (the batch is then read again), the last entry's seq when all were.
         */
        long handle(List<FeedReader.Entry> batch, long position);
    }

    /** What tells this follower apart from the others: its lock, its stored position and its session's name. */
    public record Identity(String name, long lockKey, String cursorName, String applicationName) {
    }

    private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);
    static final Duration STANDBY_RETRY = Duration.ofSeconds(1);
    static final Duration POLL_FALLBACK = Duration.ofSeconds(2);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    private static final int NOTIFICATION_WAIT_MS = 250;
    private static final int BATCH_SIZE = 500;

    private final DataSource dataSource;
    private final Identity identity;
    private final Handler handler;
    private final AdvisoryLock lock;
    private final FeedCursor cursor;
    private final FeedReader feed = new FeedReader(BATCH_SIZE);
    private volatile boolean running;
    private volatile boolean following;
    private Thread thread;

    public FeedFollower(DataSource dataSource, Identity identity, Handler handler) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.handler = handler;
        this.lock = new AdvisoryLock(identity.lockKey());
        this.cursor = new FeedCursor(identity.cursorName());
    }

    public void start() {
        running = true;
        thread = new Thread(this::run, identity.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the batch under way finish, so stopping does not read as the handler's target failing. */
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(STOP_PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this replica is the one that follows. */
    public boolean isFollowing() {
        return following;
    }

    /** False once stopping: a handler checks it between entries. */
    public boolean isRunning() {
        return running;
    }

    /** Waits in short steps, so stopping is not held up by a long backoff (a handler's too). */
    public void sleep(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (running && System.nanoTime() - deadline < 0) {
                Thread.sleep(Math.min(NOTIFICATION_WAIT_MS, Math.max(1,
                        (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void run() {
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                if (lock.tryAcquire(connection)) {
                    following = true;
                    followWhileHolding(connection);
                    following = false;
                    DedicatedSessions.discard(dataSource, connection);
                } else {
                    connection.close();
                    sleep(STANDBY_RETRY);
                }
            } catch (SQLException | RuntimeException e) {
                following = false;
                DedicatedSessions.discard(dataSource, connection);
                if (running) {
                    log.warn("Lost the database session of {}; trying again: {}", identity.name(), e.getMessage());
                    sleep(RECONNECT_DELAY);
                }
            }
        }
    }

    private void followWhileHolding(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + identity.applicationName() + "'");
            statement.execute("LISTEN " + RoomFeedWriter.CHANNEL);
        }
        long position = cursor.load(connection);
        handler.tookOver(position);
        while (running) {
            List<FeedReader.Entry> batch = feed.after(connection, position);
            if (batch.isEmpty()) {
                awaitNotification(connection);
                continue;
            }
            long handled = handler.handle(batch, position);
            if (handled > position) {
                cursor.store(connection, handled);
                position = handled;
            }
        }
    }

    /** Returns on a notification, after {@link #POLL_FALLBACK} without one, or when stopping. */
    private void awaitNotification(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + POLL_FALLBACK.toNanos();
        while (running && System.nanoTime() - deadline < 0) {
            var notifications = pg.getNotifications(NOTIFICATION_WAIT_MS);
            if (notifications != null && notifications.length > 0) {
                return;
            }
        }
    }
}
