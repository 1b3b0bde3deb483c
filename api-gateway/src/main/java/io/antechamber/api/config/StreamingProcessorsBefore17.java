package io.antechamber.api.config;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Upgrading from a version whose views and timeout saga were streaming processors (before ADR 0017): events those
 * processors had not reached when the old version stopped would never reach the subscribing ones, which only see
 * new events: a check-in could miss its view row or its timeout for ever. So the application refuses to start until
 * the old processors' tokens in {@code token_entry} cover every stored event, and then deletes those tokens.
 */
@Component
class StreamingProcessorsBefore17 implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StreamingProcessorsBefore17.class);
    static final List<String> NAMES = List.of("check-in-view", "room-view", "agent-view", "trust-view",
            "thread-view", "human-view", "CheckInTimeoutSagaProcessor");
    private static final String IN_NAMES = "processor_name IN ('" + String.join("', '", NAMES) + "')";

    private record Token(String processor, int segment, String type, byte[] bytes) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StreamingProcessorsBefore17(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public void afterPropertiesSet() {
        List<Token> tokens = jdbc.query("SELECT processor_name, segment, token_type, token FROM token_entry WHERE "
                + IN_NAMES, (rs, i) -> new Token(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)));
        if (tokens.isEmpty()) {
            return;
        }
        long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        List<String> behind = new ArrayList<>();
        for (Token token : tokens) {
            if (!covers(token, head)) {
                behind.add(token.processor() + " (segment " + token.segment() + ")");
            }
        }
        if (!behind.isEmpty()) {
            throw new StartRefusedException("The event processors of the version this database was last used "
                    + "with have not handled every stored event: " + String.join(", ", behind) + ". This version "
                    + "writes views and timeouts in the command's transaction and would never see those events.",
                    "Start the previous version again, stop sending it writes, wait until GET /v1/admin/projections "
                    + "shows lag_events 0 for every view and a few seconds more for the timeout saga, stop it, then "
                    + "start this version (docs/adr/0017-views-commit-with-the-event.md, \"Upgrading\").");
        }
        int removed = jdbc.update("DELETE FROM token_entry WHERE " + IN_NAMES);
        log.info("The streaming processors of the previous version had handled every stored event; removed their "
                + "{} tokens", removed);
    }

    private boolean covers(Token token, long head) {
        if (token.bytes() == null) {
            return head < 0;
        }
        SerializedType type = new SimpleSerializedType(token.type(), null);
        TrackingToken position = serializer.deserialize(
                new SimpleSerializedObject<>(token.bytes(), byte[].class, type));
        if (position instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= head && gapAware.getGaps().stream().noneMatch(this::stored);
        }
        return position.position().orElse(-1) >= head;
    }

    /** A gap the old processor skipped that an event filled after it stopped. */
    private boolean stored(long globalIndex) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE global_index = ?)", Boolean.class, globalIndex));
    }
}
