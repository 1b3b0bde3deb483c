package io.antechamber.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.antechamber.events.common.RoomId;
import io.antechamber.query.stats.RoomStats;
import java.time.Instant;
import java.util.List;

/**
 * A room's statistics over the agent→human check-ins created in {@code [from, to)} (null: unbounded), then the same
 * per agent and per risk level (docs/api.md).
 */
public record RoomStatsJson(String roomId, Instant from, Instant to, @JsonUnwrapped StatsJson stats,
        List<AgentStatsJson> byAgent, List<RiskLevelStatsJson> byRiskLevel) {

    static RoomStatsJson of(RoomId room, Instant from, Instant to, RoomStats stats) {
        return new RoomStatsJson(room.value(), from, to, StatsJson.of(stats.room()),
                stats.byAgent().entrySet().stream()
                        .map(agent -> new AgentStatsJson(agent.getKey(), StatsJson.of(agent.getValue()))).toList(),
                stats.byRiskLevel().entrySet().stream()
                        .map(level -> new RiskLevelStatsJson(level.getKey(), StatsJson.of(level.getValue()))).toList());
    }
}
