package io.antechamber.query.rebuild;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads stored events of chosen types straight from the event table, deserialized with the event serializer, for
 * bulk rebuilds. Only the chosen payload types leave the database, and rows arrive through a cursor so memory does
 * not grow with the store. A pass runs on a connection and in a read-only transaction of its own, so the rebuild's
 * connections can keep a {@code COPY} open while events are read ({@link CopyRows}); the few events a rebuild catches
 * up with while it holds its view's locks are read on its own connection instead ({@link #read}), which needs no
 * other connection from a pool that blocked writers may hold.
 * Payloads are read with the event serializer's {@code ObjectMapper} through one {@link ObjectReader} per stored
 * type, made once per pass: {@code JacksonSerializer.deserialize} resolves the class and makes a reader for every
 * event, a quarter of a rebuild's CPU. A payload stored with an older revision than its class has goes through the
 * upcaster chain first, as the event store would take it (docs/events.md); an upcaster that renames a type is not
 * seen here, since only the current type names are selected.
 */
@Component
public class StoredEvents {

    private static final int FETCH_SIZE = 2_000;
    private static final String SQL = "SELECT global_index, aggregate_identifier, sequence_number, payload_type, "
            + "payload, payload_revision FROM domain_event_entry "
            + "WHERE (global_index > ? AND global_index <= ? OR global_index = ANY (?)) "
            + "AND payload_type = ANY (?) ORDER BY global_index";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JacksonSerializer serializer;
    private final EventUpcaster upcasters;

    /** {@code upcasters} are the ones Axon's event store is given, in the same order. */
    public StoredEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
            ObjectProvider<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.dataSource = Objects.requireNonNull(jdbc.getDataSource());
        this.serializer = (JacksonSerializer) serializer;
        this.upcasters = new EventUpcasterChain(upcasters.orderedStream().toList());
    }

    /** Every stored event in {@code range} whose payload is one of {@code types}, in stored order. */
    public void forEach(Collection<Class<?>> types, EventRange range, Consumer<StoredEvent> action) {
        forEach(identity(types), range, action);
    }

    /**
     * The same, each payload read as the class its stored type maps to: a record with a subset of the event's
     * fields skips the rest of the JSON instead of building it (the serializer ignores unknown properties).
     */
    public void forEach(Map<Class<?>, Class<?>> readAs, EventRange range, Consumer<StoredEvent> action) {
        Map<String, Reader> readers = readers(readAs);
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams a result set through a cursor only inside a transaction
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            query(connection, readers, range, action);
            connection.commit();
        } catch (SQLException e) {
            throw SqlFailures.translate(jdbc, "reading stored events", SQL, e);
        }
    }

    /**
     * The stored events in {@code range} whose payload is one of {@code types}, in stored order, read whole on the
     * connection (and in the transaction) of {@code on}.
     */
    public List<StoredEvent> read(JdbcTemplate on, Collection<Class<?>> types, EventRange range) {
        Map<String, Reader> readers = readers(identity(types));
        List<StoredEvent> events = new ArrayList<>();
        on.execute((ConnectionCallback<Void>) connection -> {
            query(connection, readers, range, events::add);
            return null;
        });
        return events;
    }

    private void query(Connection connection, Map<String, Reader> readers, EventRange range,
            Consumer<StoredEvent> action) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setFetchSize(FETCH_SIZE);
            // prepared on the server at once, so payloads arrive as binary bytea rather than hex text to decode
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setLong(1, range.after());
            statement.setLong(2, range.upTo());
            statement.setArray(3, connection.createArrayOf("bigint", range.gaps().toArray()));
            statement.setArray(4, connection.createArrayOf("text", readers.keySet().toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    action.accept(read(row, readers));
                }
            }
        }
    }

    private Map<String, Reader> readers(Map<Class<?>, Class<?>> readAs) {
        Map<String, Reader> readers = new HashMap<>();
        readAs.forEach((stored, target) -> {
            SerializedType type = serializer.typeForClass(stored);
            readers.put(type.getName(), new Reader(serializer.getObjectMapper().readerFor(target), type.getRevision()));
        });
        return readers;
    }

    /** How one stored type is read: its reader, and the revision its class has now. */
    private record Reader(ObjectReader reader, String revision) {
    }

    private static Map<Class<?>, Class<?>> identity(Collection<Class<?>> types) {
        return types.stream().collect(Collectors.toMap(Function.identity(), Function.identity()));
    }

    /** The concrete event classes of a sealed event interface (or the class itself). */
    public static List<Class<?>> concreteTypes(Class<?>... types) {
        return Arrays.stream(types).flatMap(StoredEvents::concrete).toList();
    }

    private static Stream<Class<?>> concrete(Class<?> type) {
        return type.isSealed() ? Arrays.stream(type.getPermittedSubclasses()).flatMap(StoredEvents::concrete)
                : Stream.of(type);
    }

    private StoredEvent read(ResultSet row, Map<String, Reader> readers) throws SQLException {
        Reader reader = readers.get(row.getString(4));
        byte[] payload = row.getBytes(5);
        if (!Objects.equals(row.getString(6), reader.revision())) {
            payload = upcast(row, payload);
        }
        try {
            return new StoredEvent(row.getLong(1), row.getString(2), row.getLong(3),
                    reader.reader().readValue(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + row.getLong(1) + " not readable", e);
        }
    }

    /** The payload as the upcaster chain makes it of an older revision: one event in, one out, of the same type. */
    private byte[] upcast(ResultSet row, byte[] payload) throws SQLException {
        SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(payload, byte[].class, row.getString(4),
                row.getString(6));
        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(new InitialEventRepresentation(
                new PayloadOnlyEventData(row.getString(2), row.getLong(3), stored), serializer))).toList();
        if (upcast.size() != 1 || !upcast.get(0).getType().getName().equals(row.getString(4))) {
            throw new IllegalStateException("stored event " + row.getLong(1) + " did not upcast to one "
                    + row.getString(4));
        }
        return upcast.get(0).getData(byte[].class).getData();
    }
}
