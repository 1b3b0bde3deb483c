package io.antechamber.query.stats;

import java.util.Map;

/**
 * A room's statistics: over all its check-ins, per agent (ordered by id, only agents with check-ins) and per risk
 * level (every level, from low to critical).
 */
public record RoomStats(StatsCounts room, Map<String, StatsCounts> byAgent, Map<String, StatsCounts> byRiskLevel) {
}
