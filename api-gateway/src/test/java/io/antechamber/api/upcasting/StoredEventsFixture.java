package io.antechamber.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of rows of {@code domain_event_entry} as the event store held them, copied from the database (file under
 * src/test/resources/events): the columns by name, payload and metadata as their stored text.
 */
record StoredEventsFixture(List<JsonNode> rows) {

    static StoredEventsFixture load(String name) {
        try (InputStream in = StoredEventsFixture.class.getResourceAsStream("/events/" + name)) {
            List<JsonNode> rows = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(rows::add);
            return new StoredEventsFixture(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode row(int sequenceNumber) {
        return rows.get(sequenceNumber);
    }
}
