package io.antechamber.query.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.AgentState;
import io.antechamber.events.identity.AgentStatus;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import io.antechamber.query.support.Versioned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given these events of one agent's stream, this row of the agent view. */
class AgentViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final AgentId AGENT = new AgentId("agt_worker00001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final Actor OWNER = Actor.human(new HumanId("hum_owner000001"));

    @Test
    void a_self_registered_agent_is_claimed_into_an_org_then_gets_a_new_key_then_is_deactivated() {
        Versioned<AgentState> row = fold(
                new AgentSelfRegistered(AGENT, "worker", "does things", "hash1", "ak_1234", "claimhash", T0),
                new AgentClaimed(AGENT, ORG, "worker", "does things", "ak_1234", OWNER, T0.plusSeconds(1)),
                new AgentKeyRotated(AGENT, ORG, "hash2", "ak_5678", OWNER, T0.plusSeconds(2)),
                new AgentDeactivated(AGENT, ORG, OWNER, T0.plusSeconds(3)));

        assertThat(row.version()).isEqualTo(3);
        assertThat(row.state()).isEqualTo(new AgentState(AGENT, ORG, "worker", "does things", AgentStatus.DEACTIVATED,
                "ak_5678", T0, T0.plusSeconds(3)));
    }

    @Test
    void an_unclaimed_agent_removed_stays_in_no_org() {
        Versioned<AgentState> row = fold(
                new AgentSelfRegistered(AGENT, "stray", null, "hash1", "ak_1234", "claimhash", T0),
                new UnclaimedAgentRemoved(AGENT, Actor.SYSTEM, T0.plusSeconds(60)));

        assertThat(row.state().orgId()).isNull();
        assertThat(row.state().status()).isEqualTo(AgentStatus.REMOVED);
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        Versioned<AgentState> row = fold(
                new AgentRegistered(AGENT, ORG, "worker", null, "hash1", "ak_1234", OWNER, T0),
                new AgentKeyRotated(AGENT, ORG, "hash2", "ak_5678", OWNER, T0.plusSeconds(1)));

        assertThat(AgentViewFold.next(row, new AgentDeactivated(AGENT, ORG, OWNER, T0), 1)).isSameAs(row);
    }

    private static Versioned<AgentState> fold(AgentEvent... events) {
        Versioned<AgentState> row = null;
        for (int i = 0; i < events.length; i++) {
            row = AgentViewFold.next(row, events[i], i);
        }
        return row;
    }
}
