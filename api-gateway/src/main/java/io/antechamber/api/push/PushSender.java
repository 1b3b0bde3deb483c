package io.antechamber.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.feed.RoomFeedWriter;
import io.antechamber.api.feed.redis.AdvisoryLock;
import io.antechamber.api.feed.redis.FeedCursor;
import io.antechamber.api.feed.redis.FeedReader;
import io.antechamber.api.listen.DedicatedSessions;
import io.antechamber.events.feed.EventTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends a Web Push notification to every subscribed human member of a room when a check-in goes pending in it, from
 * one replica at a time, as the Redis publisher does ({@code RedisFeedPublisher}): the replica whose session holds the
 * advisory lock {@link #LOCK_KEY} reads the room feed after its stored position ({@code feed_cursors} row
 * {@value #CURSOR_NAME}), woken by {@code NOTIFY room_feed}. On the very first start the position is the feed's head,
 * so history is never sent; a notification is handed to {@link PushDelivery} and the position moves on, so a replica
 * that dies may lose the few in flight but never sends one twice. Commands never wait for any of this.
 */
class PushSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);
    /** Advisory lock key: "webpush!" in ASCII, apart from the Redis publisher's. */
    static final long LOCK_KEY = 0x77656270757368_21L;
    static final String CURSOR_NAME = "web-push";
    static final String APPLICATION_NAME = "antechamber-web-push";
    private static final Duration STANDBY_RETRY = Duration.ofSeconds(1);
    private static final Duration POLL_FALLBACK = Duration.ofSeconds(2);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);
    private static final int NOTIFICATION_WAIT_MS = 250;
    private static final int BATCH_SIZE = 500;
    /** An action is the agent's short text; a notification shows a line of it. */
    static final int MAX_ACTION_CHARS = 120;

    private final DataSource dataSource;
    private final WebPush webPush;
    private final PushSubscriptions subscriptions;
    private final PushDelivery delivery;
    private final ObjectMapper json;
    private final AdvisoryLock lock = new AdvisoryLock(LOCK_KEY);
    private final FeedCursor cursor = new FeedCursor(CURSOR_NAME);
    private final FeedReader feed = new FeedReader(BATCH_SIZE);
    private volatile boolean running;
    private Thread thread;

    PushSender(DataSource dataSource, WebPush webPush, PushSubscriptions subscriptions, PushDelivery delivery,
            ObjectMapper json) {
        this.dataSource = dataSource;
        this.webPush = webPush;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        if (!webPush.enabled()) {
            return;
        }
        thread = new Thread(this::run, "web-push-sender");
        thread.setDaemon(true);
        thread.start();
    }

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
        delivery.close();
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
                    sendWhileHolding(connection);
                    DedicatedSessions.discard(dataSource, connection);
                } else {
                    connection.close();
                    sleep(STANDBY_RETRY);
                }
            } catch (SQLException | RuntimeException e) {
                DedicatedSessions.discard(dataSource, connection);
                if (running) {
                    log.warn("Lost the Web Push sender's database session; trying again: {}", e.getMessage());
                    sleep(RECONNECT_DELAY);
                }
            }
        }
    }

    private void sendWhileHolding(Connection connection) throws SQLException {
        connection.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + RoomFeedWriter.CHANNEL);
        }
        long position = cursor.load(connection);
        log.info("This replica sends Web Push notifications, from feed position {}", position);
        while (running) {
            List<FeedReader.Entry> batch = feed.after(connection, position);
            if (batch.isEmpty()) {
                awaitNotification(connection);
                continue;
            }
            for (FeedReader.Entry entry : batch) {
                notifyIfPending(entry);
            }
            position = batch.get(batch.size() - 1).seq();
            cursor.store(connection, position);
        }
    }

    private void notifyIfPending(FeedReader.Entry entry) {
        JsonNode envelope;
        try {
            envelope = json.readTree(entry.envelope());
        } catch (Exception e) {
            log.warn("Skipped feed entry {} for Web Push: its envelope is not JSON", entry.seq());
            return;
        }
        JsonNode data = envelope.path("data");
        if (!EventTypes.CHECKIN_CREATED.equals(envelope.path("type").asText())
                || !"pending".equals(data.path("status").asText())) {
            return;
        }
        List<StoredSubscription> browsers = subscriptions.ofRoomMembers(entry.roomId());
        if (browsers.isEmpty()) {
            return;
        }
        byte[] payload = payload(data.path("id").asText(), data.path("action").asText(),
                subscriptions.roomName(entry.roomId()));
        browsers.forEach(browser -> delivery.send(browser, payload));
    }

    /** What the service worker shows: a title and body naming the action and room, and where a click goes. */
    byte[] payload(String checkInId, String action, String room) {
        String shortAction = action.length() <= MAX_ACTION_CHARS ? action
                : action.substring(0, MAX_ACTION_CHARS - 1) + "…";
        Map<String, String> notification = new LinkedHashMap<>();
        notification.put("title", "Check-in waiting in " + room);
        notification.put("body", shortAction);
        notification.put("url", "/check-ins/" + checkInId);
        notification.put("tag", checkInId);
        try {
            return json.writeValueAsBytes(notification);
        } catch (Exception e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

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
