package io.antechamber.api.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.feed.redis.FeedFollower;
import io.antechamber.api.feed.redis.FeedReader;
import io.antechamber.events.feed.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends a Web Push notification to every subscribed human member of a room when a check-in goes pending in it, from
 * one replica at a time: a {@link FeedFollower} under its own lock and cursor ({@value #CURSOR_NAME}). On the very
 * first start the position is the feed's head, so history is never sent; a notification is handed to
 * {@link PushDelivery} and the position moves on, so a replica that dies may lose the few in flight but never sends one
 * twice. Commands never wait for any of this.
 */
class PushSender implements SmartLifecycle, FeedFollower.Handler {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);
    /** Advisory lock key: "webpush!" in ASCII, apart from the Redis publisher's. */
    static final long LOCK_KEY = 0x77656270757368_21L;
    static final String CURSOR_NAME = "web-push";
    static final String APPLICATION_NAME = "antechamber-web-push";
    /** An action is the agent's short text; a notification shows a line of it. */
    static final int MAX_ACTION_CHARS = 120;

    private final WebPush webPush;
    private final PushSubscriptions subscriptions;
    private final PushDelivery delivery;
    private final ObjectMapper json;
    private final FeedFollower follower;
    private volatile boolean running;

    PushSender(DataSource dataSource, WebPush webPush, PushSubscriptions subscriptions, PushDelivery delivery,
            ObjectMapper json) {
        this.webPush = webPush;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.json = json;
        this.follower = new FeedFollower(dataSource,
                new FeedFollower.Identity("web-push-sender", LOCK_KEY, CURSOR_NAME, APPLICATION_NAME), this);
    }

    @Override
    public void start() {
        running = true;
        if (webPush.enabled()) {
            follower.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        follower.stop();
        delivery.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void tookOver(long position) {
        log.info("This replica sends Web Push notifications, from feed position {}", position);
    }

    @Override
    public long handle(List<FeedReader.Entry> batch, long position) {
        batch.forEach(this::notifyIfPending);
        return batch.get(batch.size() - 1).seq();
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
}
