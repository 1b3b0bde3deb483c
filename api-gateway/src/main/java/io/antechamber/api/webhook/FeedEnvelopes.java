package io.antechamber.api.webhook;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The envelope text of a room feed entry, exactly as every transport sends it; empty once retention removed it. */
@Component
public class FeedEnvelopes {

    private final JdbcTemplate jdbc;

    public FeedEnvelopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> envelope(long seq) {
        return jdbc.queryForList("SELECT envelope FROM room_events WHERE seq = ?", String.class, seq).stream()
                .findFirst();
    }
}
