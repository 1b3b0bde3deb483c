package io.antechamber.events.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The agent fold that the aggregate, the agent view and its rebuild share: given these events, this state. */
class AgentStateTest {

    private static final AgentId AGENT = new AgentId("agt_stray00001");
    private static final Instant REGISTERED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant REMOVED = Instant.parse("2026-11-08T10:00:00Z");

    @Test
    void an_unclaimed_agent_removed_is_a_tombstone_in_no_org_that_keeps_when_it_registered() {
        AgentState registered = AgentState.of(new AgentSelfRegistered(AGENT, "stray", "found one", "sha256-of-key",
                "ak_12345", "sha256-of-token", REGISTERED), null);

        AgentState removed = AgentState.of(new UnclaimedAgentRemoved(AGENT, Actor.SYSTEM, REMOVED), registered);

        assertThat(removed.status()).isEqualTo(AgentStatus.REMOVED);
        assertThat(removed.status().wire()).isEqualTo("removed");
        assertThat(removed.orgId()).isNull();
        assertThat(removed.createdAt()).isEqualTo(REGISTERED);
        assertThat(removed.updatedAt()).isEqualTo(REMOVED);
        assertThat(removed.id()).isEqualTo(AGENT);
    }
}
