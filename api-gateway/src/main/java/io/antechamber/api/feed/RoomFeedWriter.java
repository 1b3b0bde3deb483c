package io.antechamber.api.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.trust.TrustAdjusted;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The room feed's one writer: every event a client may subscribe to becomes a row of {@code room_events}, in the
 * order this processor handles them, and the listeners (watcher matching) run in the same transaction. It runs in a
 * streaming processor of one segment, so one replica writes at a time and the rows' {@code seq} order is their commit
 * order (V14). It is never replayed: the feed and what the listeners start (deliveries) are side effects.
 */
@Component
@ProcessingGroup(RoomFeedWriter.PROCESSOR)
@DisallowReplay
public class RoomFeedWriter {

    public static final String PROCESSOR = "room-feed";
    /** The channel notified when entries were appended (in the writer's transaction, so heard after its commit). */
    public static final String CHANNEL = "room_feed";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EnvelopeData data;
    private final ObjectProvider<FeedAppendListener> listeners;

    public RoomFeedWriter(JdbcTemplate jdbc, ObjectMapper json, EnvelopeData data,
            ObjectProvider<FeedAppendListener> listeners) {
        this.jdbc = jdbc;
        this.json = json;
        this.data = data;
        this.listeners = listeners;
    }

    @EventHandler
    void on(CheckInEvent event, EventMessage<?> message, TrackingToken token) {
        append(event, event.roomId().value(), event.orgId().value(), message, token);
    }

    @EventHandler
    void on(TrustAdjusted event, EventMessage<?> message, TrackingToken token) {
        append(event, event.roomId().value(), event.orgId().value(), message, token);
    }

    @EventHandler
    void on(PolicyUpdated event, EventMessage<?> message, TrackingToken token) {
        append(event, event.roomId().value(), event.orgId().value(), message, token);
    }

    @EventHandler
    void on(SignalBroadcast event, EventMessage<?> message, TrackingToken token) {
        append(event, event.roomId().value(), event.orgId().value(), message, token);
    }

    private void append(Object event, String roomId, String orgId, EventMessage<?> message, TrackingToken token) {
        Optional<String> type = EventNames.of(event);
        if (type.isEmpty()) {
            return;
        }
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
        long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        long seq = jdbc.queryForObject("SELECT nextval('room_events_seq')", Long.class);
        Instant occurredAt = message.getTimestamp();
        JsonNode payload = data.of(event, sequenceNumber);
        String envelope = text(new Envelope(Long.toString(seq), type.get(), roomId, occurredAt, payload));
        Boolean appended = jdbc.query("WITH appended AS (INSERT INTO room_events (seq, global_index, room_id, org_id, "
                        + "type, occurred_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (global_index) DO NOTHING RETURNING seq) "
                        + "SELECT seq, pg_notify('" + CHANNEL + "', '') FROM appended",
                (ResultSet rs) -> rs.next(),
                seq, globalIndex, roomId, orgId, type.get(), Timestamp.from(occurredAt), envelope);
        if (!Boolean.TRUE.equals(appended)) {
            return; // written before this batch was retried
        }
        FeedEntry entry = new FeedEntry(seq, roomId, orgId, type.get(), occurredAt, payload, envelope);
        listeners.orderedStream().forEach(listener -> listener.appended(entry));
    }

    private String text(Envelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope not serializable", e);
        }
    }
}
