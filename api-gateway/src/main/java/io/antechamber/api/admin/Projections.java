package io.antechamber.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.events.common.DomainException;
import io.antechamber.query.agent.AgentViewProjection;
import io.antechamber.query.checkin.CheckInViewProjection;
import io.antechamber.query.room.RoomViewProjection;
import io.antechamber.query.trust.TrustViewProjection;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models and their rebuild. Positions are read from the token table, so they include segments that other
 * replicas process. A rebuild resets the processor's tokens: its reset handler clears the view and the processor
 * replays the whole event store into it while the rest of the API keeps serving.
 */
@Component
public class Projections {

    static final List<String> NAMES = List.of(CheckInViewProjection.PROCESSING_GROUP,
            RoomViewProjection.PROCESSING_GROUP, AgentViewProjection.PROCESSING_GROUP,
            TrustViewProjection.PROCESSING_GROUP);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public List<ProjectionStatus> all() {
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return NAMES.stream().map(name -> status(name, head)).toList();
    }

    public ProjectionStatus replay(String name) {
        StreamingEventProcessor processor = processor(name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            throw DomainException.conflict("cannot reset '" + name + "' while another replica processes it: "
                    + e.getMessage());
        } finally {
            processor.start();
        }
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return status(name, head);
    }

    private StreamingEventProcessor processor(String name) {
        if (!NAMES.contains(name)) {
            throw DomainException.notFound("projection");
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> DomainException.notFound("projection"));
    }

    private ProjectionStatus status(String name, long head) {
        List<Position> positions = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ?",
                (rs, i) -> position(rs.getBytes(1)), name);
        boolean replaying = positions.stream().anyMatch(Position::replaying);
        long position = positions.stream().mapToLong(Position::index).min().orElse(0);
        long lagEvents = Math.max(0, head - position);
        return new ProjectionStatus(name, position, lagEvents, lagEvents == 0 ? 0 : ageOfEventAfter(position),
                replaying);
    }

    /**
     * Where a serialized token stands. Gap-aware tokens keep their index in "index"; a replay token keeps the
     * position reached in "currentToken" and is replaying until that reaches "tokenAtReset".
     */
    private Position position(byte[] token) {
        if (token == null) {
            return new Position(0, false);
        }
        try {
            JsonNode node = json.readTree(token);
            if (!node.has("tokenAtReset")) {
                return new Position(node.path("index").asLong(0), false);
            }
            long current = node.path("currentToken").path("index").asLong(0);
            return new Position(current, current < node.path("tokenAtReset").path("index").asLong(0));
        } catch (IOException e) {
            return new Position(0, false);
        }
    }

    private long ageOfEventAfter(long position) {
        List<String> stamps = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, position);
        return stamps.isEmpty() ? 0 : Math.max(0, Duration.between(Instant.parse(stamps.get(0)), Instant.now()).toMillis());
    }

    private record Position(long index, boolean replaying) {
    }
}
