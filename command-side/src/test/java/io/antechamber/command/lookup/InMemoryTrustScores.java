package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.trust.TrustScore;
import java.util.HashMap;
import java.util.Map;

/** {@link TrustScores} held in a map; an agent without a score has the initial 15. */
public final class InMemoryTrustScores implements TrustScores {

    private final Map<String, Double> scores = new HashMap<>();

    public InMemoryTrustScores set(RoomId roomId, AgentId agentId, double score) {
        scores.put(key(roomId, agentId), score);
        return this;
    }

    @Override
    public double scoreOf(RoomId roomId, AgentId agentId) {
        return scores.getOrDefault(key(roomId, agentId), TrustScore.INITIAL);
    }

    private static String key(RoomId roomId, AgentId agentId) {
        return roomId.value() + "/" + agentId.value();
    }
}
