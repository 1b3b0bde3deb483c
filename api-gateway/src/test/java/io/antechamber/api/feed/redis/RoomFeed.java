package io.antechamber.api.feed.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.StandaloneApp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the room event feed holds, read from {@code room_events}: what every transport must send. */
final class RoomFeed {

    private RoomFeed() {
    }

    /** The room's envelopes in feed (seq) order, as their exact JSON text. */
    static List<String> of(StandaloneApp app, String roomId) {
        return app.bean(JdbcTemplate.class).queryForList(
                "SELECT envelope FROM room_events WHERE room_id = ? ORDER BY seq", String.class, roomId);
    }

    static long count(List<String> envelopes, String type) {
        return envelopes.stream().map(Http::parse).map(envelope -> envelope.get("type").asText())
                .filter(type::equals).count();
    }

    static String id(String envelope) {
        JsonNode id = Http.parse(envelope).get("id");
        return id.asText();
    }
}
