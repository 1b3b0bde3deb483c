package io.antechamber.api.feed;

import io.antechamber.api.listen.NotificationListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
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
 * listening session is probed every {@code feed.probe-interval} and replaced when it fails
 * ({@link NotificationListener}). It starts at the feed's end when the replica starts: older entries are for
 * clients that resume, which read the table themselves.
 */
@Component
public class FeedTailer implements SmartLifecycle, NotificationListener.Handler {

    /** The listening session's name in {@code pg_stat_activity}, so operators (and tests) can find it. */
    public static final String APPLICATION_NAME = "antechamber-feed-tailer";

    private static final Logger log = LoggerFactory.getLogger(FeedTailer.class);

    private final NotificationListener listener;
    private final FeedReader reader;
    private final RoomSubscribers subscribers;
    private final int batchSize;
    private volatile long position = -1;

    public FeedTailer(DataSource dataSource, FeedReader reader, RoomSubscribers subscribers,
            FeedProperties properties) {
        this.listener = new NotificationListener(dataSource, APPLICATION_NAME, RoomFeedWriter.CHANNEL,
                properties.pollInterval(), properties.probeInterval(), this);
        this.reader = reader;
        this.subscribers = subscribers;
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
        listener.start("feed-tailer");
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    /** On a new session: what was written while no session listened is in the table. */
    @Override
    public void listening(Connection connection) throws SQLException {
        catchUp(connection);
    }

    /** Woken by a notification or after the poll interval without one: either way the table says what is new. */
    @Override
    public void woke(Connection connection, List<String> payloads) throws SQLException {
        catchUp(connection);
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
        } while (entries.size() == batchSize && listener.isRunning());
    }
}
