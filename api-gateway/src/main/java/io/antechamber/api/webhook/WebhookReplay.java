package io.antechamber.api.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.antechamber.api.feed.FeedEntry;
import io.antechamber.command.watcher.ActiveWatcher;
import io.antechamber.command.watcher.WatcherTargets;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.ReplayDelivery;
import io.antechamber.events.watcher.WatcherId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A replay, run in the background as a db-scheduler one-time task, so the request answers 202 at once and the replay
 * survives a restart (a task that dies is picked up again and starts over: a delivery still pending is left alone,
 * one that already ended is sent again under its fixed id, which receivers dedupe by). It pages through the room's feed in its range and asks for
 * every matching entry to be delivered again, at most {@link #MAX_EVENTS} entries per replay; it stops early when the
 * watcher is no longer active.
 */
public class WebhookReplay {

    public static final String TASK = "webhook-replay";
    public static final int MAX_EVENTS = 10_000;
    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookReplay.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final WatcherTargets watchers;
    private final ObjectProvider<Scheduler> scheduler;
    private final OneTimeTask<String> task;

    public WebhookReplay(JdbcTemplate jdbc, CommandGateway commands, WatcherTargets watchers,
            ObjectProvider<Scheduler> scheduler) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.watchers = watchers;
        this.scheduler = scheduler;
        this.task = Tasks.oneTime(TASK, String.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1)))
                .execute((instance, context) -> run(read(instance.getData())));
    }

    public OneTimeTask<String> task() {
        return task;
    }

    /** The feed's head now: a replay goes up to here. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT max(seq) FROM room_events", Long.class);
        return head == null ? 0 : head;
    }

    /** Stores the replay to run as soon as a scheduler thread is free, on whichever replica polls first. */
    public void schedule(ReplayOrder order) {
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(task.instance(UUID.randomUUID().toString(), write(order)), Instant.now());
    }

    void run(ReplayOrder order) {
        WatcherId watcherId = new WatcherId(order.watcherId());
        ActiveWatcher selection = new ActiveWatcher(watcherId, null, order.eventTypes(), order.filter(), Instant.MIN);
        Actor by = new Actor(ActorType.valueOf(order.byType()), order.byId());
        long after = order.afterSeq() != null ? order.afterSeq() : firstAtOrAfter(order) - 1;
        int sent = 0;
        while (sent < MAX_EVENTS && hears(watcherId, new RoomId(order.roomId()))) {
            List<FeedEntry> page = page(order, after);
            for (FeedEntry entry : page) {
                after = entry.seq();
                if (sent < MAX_EVENTS && WatcherMatch.matches(selection, entry)) {
                    commands.sendAndWait(ReplayDelivery.of(watcherId, new RoomId(order.roomId()),
                            new OrgId(order.orgId()), entry.seq(), entry.type(), by));
                    sent++;
                }
            }
            scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
            if (page.size() < PAGE) {
                break;
            }
        }
        log.info("replay for watcher {} asked for {} deliveries", watcherId, sent);
    }

    /**
     * Active, and its owner may still read the room (as for live matching): an agent removed from the room must not
     * get what happened there after it left by asking for a replay.
     */
    boolean hears(WatcherId watcherId, RoomId roomId) {
        return watchers.activeInRoom(roomId).stream().anyMatch(watcher -> watcher.id().equals(watcherId));
    }

    private long firstAtOrAfter(ReplayOrder order) {
        Long first = jdbc.queryForObject("SELECT min(seq) FROM room_events WHERE room_id = ? AND occurred_at >= ?",
                Long.class, order.roomId(), Timestamp.from(order.since()));
        return first == null ? order.upToSeq() + 1 : first;
    }

    private List<FeedEntry> page(ReplayOrder order, long after) {
        return jdbc.query("SELECT seq, room_id, org_id, type, occurred_at, envelope FROM room_events "
                        + "WHERE room_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                (rs, i) -> {
                    String envelope = rs.getString(6);
                    return new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), data(envelope), envelope);
                }, order.roomId(), after, order.upToSeq(), PAGE);
    }

    private static JsonNode data(String envelope) {
        try {
            return JSON.readTree(envelope).path("data");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable envelope in room_events", e);
        }
    }

    private static String write(ReplayOrder order) {
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("replay order not serializable", e);
        }
    }

    private static ReplayOrder read(String text) {
        try {
            return JSON.readValue(text, ReplayOrder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable replay order", e);
        }
    }
}
