package io.antechamber.api.admin;

import java.sql.Timestamp;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far a streaming processor (the room feed's writer, the audit log's appender) trails the event store, read from
 * its stored token, so any replica can tell, not only the one running it. Lag counts stored events past the token (up
 * to {@link #COUNTED}) and the age of the oldest.
 */
@Component
public class StreamingProcessorLag {

    static final int COUNTED = 100_000;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StreamingProcessorLag(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public ProjectionStatus status(String processor) {
        long position = position(processor).orElse(-1);
        long lagEvents = jdbc.queryForObject("SELECT count(*) FROM (SELECT 1 FROM domain_event_entry "
                + "WHERE global_index > ? LIMIT " + COUNTED + ") behind", Long.class, position);
        Timestamp oldest = jdbc.queryForObject("SELECT min(time_stamp)::timestamptz FROM domain_event_entry "
                + "WHERE global_index = (SELECT min(global_index) FROM domain_event_entry WHERE global_index > ?)",
                Timestamp.class, position);
        long lagMs = oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getTime());
        return new ProjectionStatus(processor, Math.max(position, 0), lagEvents, lagMs, false);
    }

    private OptionalLong position(String processor) {
        List<OptionalLong> tokens = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    byte[] bytes = rs.getBytes(1);
                    if (bytes == null) {
                        return OptionalLong.empty();
                    }
                    TrackingToken token = serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                            new SimpleSerializedType(rs.getString(2), null)));
                    return token.position();
                }, processor);
        return tokens.stream().filter(OptionalLong::isPresent).findFirst().orElse(OptionalLong.empty());
    }
}
