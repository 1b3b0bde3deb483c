package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link ClaimTokens} held in a map from claim-token hash to agent. */
public final class InMemoryClaimTokens implements ClaimTokens {

    private final Map<String, AgentId> agents = new HashMap<>();

    public InMemoryClaimTokens add(String claimTokenHash, AgentId agentId) {
        agents.put(claimTokenHash, agentId);
        return this;
    }

    @Override
    public Optional<AgentId> agentFor(String claimTokenHash) {
        return Optional.ofNullable(agents.get(claimTokenHash));
    }
}
