package io.antechamber.api.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/** Revision-1 {@code CheckInExpired} rows, as the event store held them, read through the upcaster chain. */
class CheckInExpiredUpcasterTest {

    private static final StoredEventsFixture STORED = StoredEventsFixture.load("check-in-expired-revision-1.json");
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.mapper())
            .build();

    @Test
    void a_stored_revision_1_expiry_reads_as_revision_2_resolved_by_the_system() {
        List<DomainEventMessage<?>> events = read();

        JsonNode stored = STORED.row(1);
        assertThat(stored.get("payload_revision").asText()).isEqualTo("1");
        assertThat(events.get(1).getPayload()).isEqualTo(new CheckInExpired(new CheckInId("ci_ramyfk39w3j9b9ob"),
                new RoomId("room_qslswny1346wv8gd"), new OrgId("org_953v975ddvla4wpv"),
                new AgentId("agt_eo1sq2spbv7380py"), Actor.SYSTEM, Instant.parse("2026-12-04T16:38:23.801844340Z")));
    }

    @Test
    void an_event_of_another_type_passes_through_unchanged() throws Exception {
        List<DomainEventMessage<?>> events = read();

        String written = SERIALIZER.getObjectMapper().writeValueAsString(events.get(0).getPayload());
        assertThat(written).isEqualTo(STORED.row(0).get("payload").asText());
    }

    @Test
    void a_stored_revision_2_expiry_is_not_upcast_again() throws Exception {
        // an actor the upcaster would never write, so an upcaster that touched revision 2 would show
        CheckInExpired current = new CheckInExpired(new CheckInId("ci_ramyfk39w3j9b9ob"),
                new RoomId("room_qslswny1346wv8gd"), new OrgId("org_953v975ddvla4wpv"),
                new AgentId("agt_eo1sq2spbv7380py"), Actor.ADMIN, Instant.parse("2026-12-04T16:38:23.801Z"));
        byte[] payload = SERIALIZER.getObjectMapper().writeValueAsBytes(current);
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("CheckIn", "ci_ramyfk39w3j9b9ob", 1,
                "event-1", "2026-12-04T16:38:23.801Z", CheckInExpired.class.getName(), "2", payload,
                "{}".getBytes(StandardCharsets.UTF_8));

        List<DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(entry), SERIALIZER, new EventUpcasterChain(new CheckInExpiredUpcaster()))
                .asStream().<DomainEventMessage<?>>map(event -> event).toList();

        assertThat(read).singleElement().satisfies(event -> assertThat(event.getPayload()).isEqualTo(current));
    }

    @Test
    void the_upcast_stream_folds_to_an_expired_check_in_decided_by_the_system() {
        CheckInState state = null;
        for (DomainEventMessage<?> event : read()) {
            CheckInEvent payload = (CheckInEvent) event.getPayload();
            state = state == null ? CheckInState.created((CheckInCreated) payload) : state.apply(payload);
        }

        assertThat(state.status()).isEqualTo(CheckInStatus.EXPIRED);
        assertThat(state.decision().by()).isEqualTo(Actor.SYSTEM);
    }

    private static List<DomainEventMessage<?>> read() {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(STORED.rows().stream().map(
                        CheckInExpiredUpcasterTest::entry), SERIALIZER,
                new EventUpcasterChain(new CheckInExpiredUpcaster())).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    /** A row as the JDBC event store reads it (the fixture has no event identifier: one is made up). */
    private static GenericDomainEventEntry<byte[]> entry(JsonNode row) {
        long sequenceNumber = row.get("sequence_number").asLong();
        return new GenericDomainEventEntry<>(row.get("type").asText(), row.get("aggregate_identifier").asText(),
                sequenceNumber, "event-" + sequenceNumber, row.get("time_stamp").asText(),
                row.get("payload_type").asText(), row.get("payload_revision").asText(), bytes(row.get("payload")),
                bytes(row.get("meta_data")));
    }

    private static byte[] bytes(JsonNode text) {
        return text.asText().getBytes(StandardCharsets.UTF_8);
    }
}
