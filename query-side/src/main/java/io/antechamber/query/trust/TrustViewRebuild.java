package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustOutcome;
import io.antechamber.events.trust.TrustScore;
import io.antechamber.query.rebuild.CopyRows;
import io.antechamber.query.rebuild.ProjectionRebuild;
import io.antechamber.query.rebuild.StoredEvents;
import io.antechamber.query.support.Timestamps;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the trust view in the order events were stored, with the projection's rules: an agent's check-in counts
 * once, a check-in's first adjustment adds a history row and sets the score it recorded, a repeated one changes
 * nothing. History rows are written as they come. Counters per agent per room and the ids of the check-ins
 * counted are kept in memory and written at the end: one COPY is open at a time on the transaction's connection.
 */
@Component
public class TrustViewRebuild implements ProjectionRebuild {

    private static final class Counters {
        final String orgId;
        double score = TrustScore.INITIAL;
        long total;
        final Map<TrustOutcome, Long> outcomes = new EnumMap<>(TrustOutcome.class);
        Instant updatedAt;

        Counters(String orgId, Instant createdAt) {
            this.orgId = orgId;
            this.updatedAt = createdAt;
        }
    }

    private record AgentInRoom(String roomId, String agentId) {
    }

    private final StoredEvents events;
    private final JdbcTemplate jdbc;

    public TrustViewRebuild(StoredEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public String processingGroup() {
        return TrustViewProjection.PROCESSING_GROUP;
    }

    @Override
    public void rebuild(long upToGlobalIndex) {
        Map<AgentInRoom, Counters> counters = new LinkedHashMap<>();
        Set<String> counted = new HashSet<>();
        Set<String> adjusted = new HashSet<>();
        try (CopyRows history = new CopyRows(jdbc, TrustViewRows.COPY_HISTORY)) {
            events.forEach(Map.of(CheckInCreated.class, CreatedCheckIn.class, TrustAdjusted.class, TrustAdjusted.class),
                    upToGlobalIndex,
                    stored -> {
                        if (stored.payload() instanceof CreatedCheckIn created && created.createdBy().isAgent()
                                && counted.add(created.checkInId().value())) {
                            counters.computeIfAbsent(new AgentInRoom(created.roomId().value(),
                                    created.createdBy().id()), key -> new Counters(created.orgId().value(),
                                    created.at())).total++;
                        } else if (stored.payload() instanceof TrustAdjusted adjustment
                                && adjusted.add(adjustment.checkInId().value())) {
                            history.add(TrustViewRows.history(adjustment));
                            Counters agent = counters.computeIfAbsent(
                                    new AgentInRoom(adjustment.roomId().value(), adjustment.agentId().value()),
                                    key -> new Counters(adjustment.orgId().value(), adjustment.at()));
                            agent.score = adjustment.scoreAfter();
                            agent.outcomes.merge(adjustment.outcome(), 1L, Long::sum);
                            agent.updatedAt = adjustment.at();
                        }
                    });
            history.flush();
        }
        try (CopyRows checkIns = new CopyRows(jdbc, TrustViewRows.COPY_COUNTED_CHECK_INS)) {
            counted.forEach(id -> checkIns.add(id));
            checkIns.flush();
        }
        try (CopyRows rows = new CopyRows(jdbc, "COPY trust_view (room_id, agent_id, org_id, score, "
                + "total_check_ins, approved_count, rejected_count, modified_count, expired_count, updated_at) "
                + "FROM STDIN")) {
            counters.forEach((key, agent) -> rows.add(key.roomId(), key.agentId(), agent.orgId, agent.score,
                    agent.total, count(agent, TrustOutcome.APPROVED), count(agent, TrustOutcome.REJECTED),
                    count(agent, TrustOutcome.MODIFIED), count(agent, TrustOutcome.EXPIRED),
                    Timestamps.of(agent.updatedAt)));
            rows.flush();
        }
    }

    private static long count(Counters agent, TrustOutcome outcome) {
        return agent.outcomes.getOrDefault(outcome, 0L);
    }
}
