package io.antechamber.command.identity;

import io.antechamber.command.lookup.ClaimTokens;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.identity.AgentState;
import io.antechamber.events.identity.ClaimAgent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/** Claims a self-registered agent: the claim token, not the agent id, is what the human holds. */
class AgentClaimHandler {

    private final Repository<Agent> agents;
    private final ClaimTokens claimTokens;

    AgentClaimHandler(Repository<Agent> agents, ClaimTokens claimTokens) {
        this.agents = agents;
        this.claimTokens = claimTokens;
    }

    @CommandHandler
    AgentState handle(ClaimAgent command) {
        var agentId = claimTokens.agentFor(command.claimTokenHash())
                .orElseThrow(() -> DomainException.notFound("claim token"));
        return agents.load(agentId.value()).invoke(agent -> agent.claim(command.orgId(), command.by()));
    }
}
