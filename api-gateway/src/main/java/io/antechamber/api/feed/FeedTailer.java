package io.antechamber.api.feed;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This replica's one reader of the room feed: it follows {@code room_events} by seq and offers each entry to the
 * local subscribers of its room ({@link RoomSubscribers}), on one thread, whatever their number.
 * <p>
 * It wakes on {@code NOTIFY room_feed} (sent by the feed's writer in its transaction, so it arrives after the commit)
 * and also every {@code feed.poll-interval} without one: a notification lost with a connection delays an entry by
 * at most that long, and never loses it, because what is read is the table, from the last seq handed on. The
 * listening connection is probed every {@code feed.probe-interval} and replaced when it fails, as
 * {@code CheckInChangeListener} does. It starts at the feed's end when the replica starts: older entries are for
 * clients that resume, which read the table themselves.
 */
@Component
public class FeedTailer implements SmartLifecycle {

    /** The channel the feed's writer notifies, with the seq as payload. */
    public static final String CHANNEL = "room_feed";
    /** The listening session's name in {@code pg_stat_activity}, so operators (and tests) can find it. */
    public static final String APPLICATION_NAME = "antechamber-feed-tailer";
    private static final int RECONNECT_DELAY_MS = 1000;

    private static final Logger log = LoggerFactory.getLogger(FeedTailer.class);

    private final DataSource dataSource;
    private final FeedReader reader;
    private final RoomSubscribers subscribers;
    private final int pollMs;
    private final long probeIntervalNanos;
    private final int probeTimeoutSeconds;
    private final int batchSize;
    private volatile long position = -1;
    private volatile boolean running;
    private Thread thread;

    public FeedTailer(DataSource dataSource, FeedReader reader, RoomSubscribers subscribers,
            FeedProperties properties) {
        this.dataSource = dataSource;
        this.reader = reader;
        this.subscribers = subscribers;
        this.pollMs = (int) Math.max(1, properties.pollInterval().toMillis());
        this.probeIntervalNanos = properties.probeInterval().toNanos();
        this.probeTimeoutSeconds = (int) Math.max(1, properties.probeInterval().toSeconds());
        this.batchSize = properties.batchSize();
    }

    /**
     * The seq of the last entry handed to the subscribers. Read it after subscribing: every later entry is offered
     * to the subscriber, every earlier one is in the table.
     */
    public long position() {
        return position;
    }

    /**
     * Before the web server (Spring Boot starts it at {@code Integer.MAX_VALUE - 2048}): a stream opened by the first
     * request takes its starting point from {@link #position()}, which is -1 until this has started.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    @Override
    public void start() {
        position = reader.maxSeq();
        running = true;
        thread = new Thread(this::tail, "feed-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tail() {
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                tailOn(connection);
                leaveClean(connection);
                connection.close();
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                if (running) {
                    log.warn("lost the room feed tailer's connection; reconnecting: {}", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void tailOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextProbe = System.nanoTime() + probeIntervalNanos;
        while (running) {
            catchUp(connection);
            // woken by a notification or after pollMs without one: either way the table says what is new
            pg.getNotifications(pollMs);
            if (System.nanoTime() - nextProbe >= 0) {
                if (!connection.isValid(probeTimeoutSeconds)) {
                    throw new SQLException("the feed tailer's connection did not answer a probe");
                }
                nextProbe = System.nanoTime() + probeIntervalNanos;
            }
        }
    }

    private void catchUp(Connection connection) throws SQLException {
        List<FeedEntry> entries;
        do {
            entries = reader.after(connection, position, batchSize);
            for (FeedEntry entry : entries) {
                for (FeedSubscriber subscriber : subscribers.of(entry.roomId())) {
                    try {
                        subscriber.offer(entry);
                    } catch (RuntimeException e) {
                        log.warn("a feed subscriber failed to take entry {}", entry.seq(), e);
                    }
                }
                position = entry.seq();
            }
        } while (entries.size() == batchSize && running);
    }

    /** Back to the pool after a normal stop: the connection must not keep listening or carry this session's name. */
    private static void leaveClean(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        }
    }

    /** A failed connection is closed, never handed back to the pool (see CheckInChangeListener). */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.abort(Runnable::run);
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("could not discard the failed feed tailer connection: {}", e.getMessage());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
