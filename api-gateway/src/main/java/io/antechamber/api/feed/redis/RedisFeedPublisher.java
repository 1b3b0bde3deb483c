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
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every room feed entry to Redis, from one replica of the cluster at a time.
 * <p>
 * The replica whose database session holds the advisory lock {@link #LOCK_KEY} publishes; the others try again
 * every {@link #STANDBY_RETRY}. On that session it listens to {@code NOTIFY room_feed} (the feed writer sends it
 * when it commits), reads {@code room_events} in seq order after its stored position, publishes each envelope to
 * {@code room:{room_id}:events} and stores the position of the last one Redis took. Without a notification it reads
 * again after {@link #POLL_FALLBACK}, which also finds out a dead session.
 * <p>
 * Redis pub/sub cannot make a publish and the stored position one step: an entry Redis took just before the replica
 * died, or whose confirmation was lost, is published again by the next publisher (at least once). While Redis is
 * down the publisher keeps its place and retries with backoff, then catches up from the stored position.
 * <p>
 * The session is never handed back to the pool: it is closed, which ends the lock and the LISTEN with it.
 */
public class RedisFeedPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedisFeedPublisher.class);
    /** The session's name in {@code pg_stat_activity}, so operators (and tests) can see which replica publishes. */
    public static final String APPLICATION_NAME = "antechamber-redis-publisher";
    /** Advisory lock key of the publisher: "redispub" in ASCII, unlikely to collide with another user's key. */
    static final long LOCK_KEY = 0x7265646973707562L;
    static final String CURSOR_NAME = "redis";
    static final Duration STANDBY_RETRY = Duration.ofSeconds(1);
    static final Duration POLL_FALLBACK = Duration.ofSeconds(2);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    private static final int NOTIFICATION_WAIT_MS = 250;
    private static final int BATCH_SIZE = 500;

    private final DataSource dataSource;
    private final RedisChannelPublisher redis;
    private final PublishingPause pause;
    private final AdvisoryLock lock = new AdvisoryLock(LOCK_KEY);
    private final FeedCursor cursor = new FeedCursor(CURSOR_NAME);
    private final FeedReader feed = new FeedReader(BATCH_SIZE);
    private volatile boolean running;
    private volatile boolean holdsLock;
    private Thread thread;

    RedisFeedPublisher(DataSource dataSource, RedisChannelPublisher redis, PublishingPause pause) {
        this.dataSource = dataSource;
        this.redis = redis;
        this.pause = pause;
    }

    /** Whether this replica is the one that publishes. */
    public boolean isPublisher() {
        return holdsLock;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "redis-feed-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets a publish under way finish, so stopping does not read as Redis failing. */
    @Override
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

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                if (lock.tryAcquire(connection)) {
                    holdsLock = true;
                    publishWhileHolding(connection);
                    holdsLock = false;
                    DedicatedSessions.discard(dataSource, connection); // its lock and LISTEN end with it
                } else {
                    connection.close();
                    sleep(STANDBY_RETRY);
                }
            } catch (SQLException | RuntimeException e) {
                holdsLock = false;
                DedicatedSessions.discard(dataSource, connection);
                if (running) {
                    log.warn("Lost the Redis publisher's database session; trying again: {}", e.getMessage());
                    sleep(RECONNECT_DELAY);
                }
            }
        }
    }

    private void publishWhileHolding(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + RoomFeedWriter.CHANNEL);
        }
        long position = cursor.load(connection);
        log.info("This replica publishes room events to Redis at {}, from feed position {}", pause.address(),
                position);
        while (running) {
            List<FeedReader.Entry> batch = feed.after(connection, position);
            if (batch.isEmpty()) {
                awaitNotification(connection);
                continue;
            }
            long published = publish(batch, position);
            if (published > position) {
                cursor.store(connection, published);
                position = published;
            }
        }
    }

    /**
     * Publishes in order and returns the seq of the last entry Redis took; at the first failure it waits out the
     * backoff and returns, so the caller stores what went out and reads the rest again.
     */
    private long publish(List<FeedReader.Entry> batch, long position) {
        long published = position;
        for (FeedReader.Entry entry : batch) {
            if (!running) {
                return published;
            }
            try {
                redis.publish(entry.roomId(), entry.envelope());
            } catch (RuntimeException e) {
                if (!running) {
                    return published;
                }
                Duration wait = pause.failed(e, published);
                redis.reconnectNextTime();
                sleep(wait);
                return published;
            }
            pause.succeeded(published);
            published = entry.seq();
        }
        return published;
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

    /** Waits in short steps, so stopping is not held up by a long backoff. */
    private void sleep(Duration duration) {
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
}
