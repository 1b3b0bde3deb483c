package io.antechamber.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The statistics of the room's check-ins of one risk level. */
public record RiskLevelStatsJson(String riskLevel, @JsonUnwrapped StatsJson stats) {
}
