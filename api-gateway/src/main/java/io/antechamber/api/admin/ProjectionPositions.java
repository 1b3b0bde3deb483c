package io.antechamber.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the event store and each projection have come, read from the tables themselves so the answer covers
 * the segments of every replica.
 */
@Component
public class ProjectionPositions {

    private static final int GAP_WINDOW = 10_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ProjectionPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Where a projection stands: the lowest index over its segments, whether any segment is replaying, and the
     * positions below the index that its segments skipped because no event was stored there yet (gaps).
     */
    public record Position(long index, boolean replaying, List<Long> gaps) {
    }

    /** The global index of the newest stored event (0 for an empty store). */
    public long head() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /**
     * Positions at or below {@code index} with no stored event yet: a transaction that took the number may still
     * commit, so a token at {@code index} must keep them as gaps. Only the newest {@value #GAP_WINDOW} positions are
     * looked at, as Axon's JDBC storage engine does by default.
     */
    public List<Long> missingUpTo(long index) {
        return jdbc.queryForList("SELECT position FROM generate_series(GREATEST(1, ? - ?), ?) AS position "
                + "WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = position)", Long.class,
                index, GAP_WINDOW - 1, index);
    }

    public Position of(String projection) {
        List<Position> segments = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ?",
                (rs, i) -> parse(rs.getBytes(1)), projection);
        return new Position(segments.stream().mapToLong(Position::index).min().orElse(0),
                segments.stream().anyMatch(Position::replaying),
                segments.stream().flatMap(segment -> segment.gaps().stream()).distinct().toList());
    }

    /**
     * Whether the projection has handled every event stored at or below {@code index}: its position is there, and
     * none of the gaps it skipped below it has been filled by an event committed since.
     */
    public boolean hasProcessed(String projection, long index) {
        Position position = of(projection);
        if (position.index() < index) {
            return false;
        }
        Long[] skipped = position.gaps().stream().filter(gap -> gap <= index).toArray(Long[]::new);
        return skipped.length == 0 || !jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ANY (?))", Boolean.class,
                (Object) skipped);
    }

    /** The timestamp of the first event after {@code index}, if any. */
    public Optional<String> timestampAfter(long index) {
        return jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ? "
                + "ORDER BY global_index LIMIT 1", String.class, index).stream().findFirst();
    }

    /**
     * Gap-aware tokens keep their index in "index" and their gaps in "gaps"; a replay token keeps the position reached in "currentToken" and
     * is replaying until that reaches "tokenAtReset".
     */
    private Position parse(byte[] token) {
        if (token == null) {
            return new Position(0, false, List.of());
        }
        try {
            JsonNode node = json.readTree(token);
            if (!node.has("tokenAtReset")) {
                return new Position(node.path("index").asLong(0), false, gaps(node));
            }
            JsonNode current = node.path("currentToken");
            long index = current.path("index").asLong(0);
            return new Position(index, index < node.path("tokenAtReset").path("index").asLong(0), gaps(current));
        } catch (IOException e) {
            return new Position(0, false, List.of());
        }
    }

    private static List<Long> gaps(JsonNode token) {
        List<Long> gaps = new ArrayList<>();
        token.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
        return gaps;
    }
}
