package io.antechamber.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One agent's statistics in the room. */
public record AgentStatsJson(String agentId, @JsonUnwrapped StatsJson stats) {
}
