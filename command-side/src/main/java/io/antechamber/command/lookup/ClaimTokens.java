package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import java.util.Optional;

/** Finds a self-registered agent by the hash of its claim token. */
public interface ClaimTokens {

    Optional<AgentId> agentFor(String claimTokenHash);
}
