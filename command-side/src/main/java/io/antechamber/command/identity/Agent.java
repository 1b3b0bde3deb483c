package io.antechamber.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.AgentState;
import io.antechamber.events.identity.AgentStatus;
import io.antechamber.events.identity.DeactivateAgent;
import io.antechamber.events.identity.RegisterAgent;
import io.antechamber.events.identity.RemoveUnclaimedAgent;
import io.antechamber.events.identity.RotateAgentKey;
import io.antechamber.events.identity.SelfRegisterAgent;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** An AI agent: registered into an org, or self-registered and later claimed; its key can be rotated or revoked. */
class Agent {

    @AggregateIdentifier
    private AgentId id;
    private AgentState state;

    Agent() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AgentState handle(RegisterAgent command) {
        apply(new AgentRegistered(command.agentId(), command.orgId(), command.name(), command.description(),
                command.keyHash(), command.keyPrefix(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AgentState handle(SelfRegisterAgent command) {
        apply(new AgentSelfRegistered(command.agentId(), command.name(), command.description(), command.keyHash(),
                command.keyPrefix(), command.claimTokenHash(), GenericEventMessage.clock.instant()));
        return state;
    }

    AgentState claim(OrgId orgId, Actor by) {
        if (state.status() != AgentStatus.PENDING_CLAIM) {
            throw new DomainException(RefusalCode.ALREADY_CLAIMED, "the agent was already claimed");
        }
        apply(new AgentClaimed(id, orgId, state.name(), state.description(), state.keyPrefix(), by,
                GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    AgentState handle(RotateAgentKey command) {
        requireActiveIn(command.orgId());
        apply(new AgentKeyRotated(id, state.orgId(), command.keyHash(), command.keyPrefix(), command.by(),
                GenericEventMessage.clock.instant()));
        return state;
    }

    @CommandHandler
    AgentState handle(DeactivateAgent command) {
        requireActiveIn(command.orgId());
        apply(new AgentDeactivated(id, state.orgId(), command.by(), GenericEventMessage.clock.instant()));
        return state;
    }

    /** A claim may have won the race with the removal: then the agent stays. */
    @CommandHandler
    void handle(RemoveUnclaimedAgent command) {
        if (state.status() != AgentStatus.PENDING_CLAIM) {
            throw new DomainException(RefusalCode.ALREADY_CLAIMED, "the agent belongs to an organization; it stays");
        }
        apply(new UnclaimedAgentRemoved(id, command.by(), GenericEventMessage.clock.instant()));
    }

    private void requireActiveIn(OrgId orgId) {
        if (!orgId.equals(state.orgId())) {
            throw DomainException.notFound("agent");
        }
        if (state.status() == AgentStatus.DEACTIVATED) {
            throw new DomainException(RefusalCode.DEACTIVATED, "the agent is deactivated");
        }
    }

    @EventSourcingHandler
    void on(AgentEvent event) {
        state = AgentState.of(event, state);
        id = state.id();
        if (event instanceof UnclaimedAgentRemoved) {
            markDeleted();
        }
    }
}
