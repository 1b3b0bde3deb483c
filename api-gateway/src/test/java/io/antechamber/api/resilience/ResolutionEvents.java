package io.antechamber.api.resilience;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInWithdrawn;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** How many events in the event store resolved each check-in: a decision, a withdrawal, or its timeout. */
final class ResolutionEvents {

    private static final String[] TYPES = Stream.of(CheckInApproved.class, CheckInRejected.class,
            CheckInModified.class, CheckInExpired.class, CheckInWithdrawn.class).map(Class::getName)
            .toArray(String[]::new);

    private ResolutionEvents() {
    }

    /**
     * The acknowledged check-ins not resolved exactly once: a decided one or one left to its timeout must have one
     * resolution event; one whose decision may not have been stored, at most one.
     */
    static List<String> notResolvedOnce(Map<String, String> database, Acknowledged acknowledged)
            throws SQLException {
        Map<String, Set<String>> states = acknowledged.settledStates();
        Map<String, Integer> counts = count(database, states.keySet());
        List<String> wrong = new ArrayList<>();
        states.forEach((id, possible) -> {
            int resolutions = counts.getOrDefault(id, 0);
            int least = possible.contains("pending") ? 0 : 1;
            if (resolutions < least || resolutions > 1) {
                wrong.add(id + " (acknowledged " + possible + ") has " + resolutions + " resolution events");
            }
        });
        return wrong;
    }

    private static Map<String, Integer> count(Map<String, String> database, Collection<String> checkIns)
            throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
                PreparedStatement query = connection.prepareStatement("SELECT aggregate_identifier, count(*)"
                        + " FROM domain_event_entry WHERE payload_type = ANY(?) AND aggregate_identifier = ANY(?)"
                        + " GROUP BY aggregate_identifier")) {
            Array types = connection.createArrayOf("text", TYPES);
            Array ids = connection.createArrayOf("text", checkIns.toArray(String[]::new));
            query.setArray(1, types);
            query.setArray(2, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }
}
