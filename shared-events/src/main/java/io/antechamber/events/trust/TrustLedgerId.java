package io.antechamber.events.trust;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.RoomId;

/** The identifier of one agent's trust ledger in one room. */
public final class TrustLedgerId {

    private TrustLedgerId() {
    }

    public static String of(RoomId roomId, AgentId agentId) {
        return "trust_" + roomId.value() + "_" + agentId.value();
    }
}
