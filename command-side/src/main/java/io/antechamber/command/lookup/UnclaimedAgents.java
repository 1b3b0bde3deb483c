package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import java.time.Instant;
import java.util.List;

/** Self-registered agents nobody has claimed, oldest first: the candidates for removal once they are too old. */
public interface UnclaimedAgents {

    /** Where an agent sits in the oldest-first order; also the position a page continues after. */
    record Registration(AgentId agentId, Instant registeredAt) {
    }

    /**
     * Up to {@code limit} unclaimed agents registered before {@code cutoff}, oldest first, starting after
     * {@code after} (null: from the oldest).
     */
    List<Registration> registeredBefore(Instant cutoff, Registration after, int limit);
}
