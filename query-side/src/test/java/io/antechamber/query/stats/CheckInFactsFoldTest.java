package io.antechamber.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Given a check-in's events, this row of the check-in facts: what the policy decided at creation, who resolved it,
 * when, how long it waited, and what approved it. Events are folded as the live handler and the rebuild fold them.
 */
class CheckInFactsFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00.000123Z");
    private static final CheckInId ID = new CheckInId("ci_1000000000000001");
    private static final RoomId ROOM = new RoomId("room_ops0000001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final AgentId AGENT = new AgentId("agt_worker00001");
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));

    @Test
    void a_check_in_the_policy_sent_to_a_human_is_pending_with_no_decision_yet() {
        CheckInFact row = fold(created(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null));

        assertThat(row).isEqualTo(new CheckInFact(ID.value(), ORG.value(), ROOM.value(), AGENT.value(), "deploy",
                "high", "urgent", T0, "require_approval", "default", null, 42.5, 3, "pending", null, null, null, null,
                null, 0));
    }

    @Test
    void a_check_in_a_rule_approved_is_decided_by_the_policy_at_once_and_approved_by_that_rule() {
        CheckInFact row = fold(created(PolicyOutcome.AUTO_APPROVE, DecisionSource.AUTO_APPROVE_RULE, "reads"));

        assertThat(row.status()).isEqualTo("approved");
        assertThat(row.decidedBy()).isEqualTo("policy");
        assertThat(row.decidedAt()).isEqualTo(T0);
        assertThat(row.decisionMs()).isZero();
        assertThat(row.approvalSource()).isEqualTo("auto_approve_rule");
        assertThat(row.policyRuleId()).isEqualTo("reads");
    }

    @Test
    void trust_and_a_default_auto_approval_are_approval_sources_of_their_own() {
        assertThat(fold(created(PolicyOutcome.AUTO_APPROVE, DecisionSource.TRUST, null)).approvalSource())
                .isEqualTo("trust");
        assertThat(fold(created(PolicyOutcome.AUTO_APPROVE, DecisionSource.DEFAULT, null)).approvalSource())
                .isEqualTo("default");
    }

    @Test
    void a_forbidden_check_in_is_rejected_by_the_policy_and_approved_by_nothing() {
        CheckInFact row = fold(created(PolicyOutcome.FORBID, DecisionSource.FORBID_RULE, "no-prod"));

        assertThat(row.status()).isEqualTo("rejected");
        assertThat(row.decidedBy()).isEqualTo("policy");
        assertThat(row.approvalSource()).isNull();
    }

    @Test
    void a_humans_approval_records_who_when_and_the_milliseconds_it_waited() {
        CheckInFact row = fold(pending(), new CheckInApproved(ID, ROOM, ORG, AGENT, LEAD, "ok",
                T0.plusMillis(1_500).plusNanos(999_000)));

        assertThat(row.status()).isEqualTo("approved");
        assertThat(row.decidedBy()).isEqualTo("human");
        assertThat(row.decidedById()).isEqualTo(LEAD.id());
        assertThat(row.decisionMs()).isEqualTo(1_500);
        assertThat(row.approvalSource()).isEqualTo("human");
        assertThat(row.version()).isEqualTo(1);
    }

    @Test
    void a_modification_is_a_humans_approval_and_a_rejection_is_a_humans_decision_that_approves_nothing() {
        CheckInFact modified = fold(pending(), new CheckInModified(ID, ROOM, ORG, AGENT, LEAD, Map.of("env", "dev"),
                null, T0.plusSeconds(2)));
        CheckInFact rejected = fold(pending(), new CheckInRejected(ID, ROOM, ORG, AGENT, LEAD, "no",
                T0.plusSeconds(3)));

        assertThat(modified.status()).isEqualTo("modified");
        assertThat(modified.approvalSource()).isEqualTo("human");
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.decidedBy()).isEqualTo("human");
        assertThat(rejected.decisionMs()).isEqualTo(3_000);
        assertThat(rejected.approvalSource()).isNull();
    }

    @Test
    void a_timeout_either_approves_or_expires_the_check_in_and_is_nobodys_decision() {
        CheckInFact approved = fold(pending(), new CheckInApproved(ID, ROOM, ORG, AGENT, Actor.SYSTEM,
                "timed out: auto_approve", T0.plusSeconds(60)));
        CheckInFact expired = fold(pending(), new CheckInExpired(ID, ROOM, ORG, AGENT, Actor.SYSTEM,
                T0.plusSeconds(60)));

        assertThat(approved.decidedBy()).isEqualTo("timeout");
        assertThat(approved.decidedById()).isNull();
        assertThat(approved.approvalSource()).isEqualTo("timeout");
        assertThat(expired.status()).isEqualTo("expired");
        assertThat(expired.decidedBy()).isEqualTo("timeout");
        assertThat(expired.approvalSource()).isNull();
    }

    @Test
    void a_withdrawal_is_the_agents_own() {
        CheckInFact row = fold(pending(), new CheckInWithdrawn(ID, ROOM, ORG, AGENT, Actor.agent(AGENT),
                T0.plusSeconds(5)));

        assertThat(row.status()).isEqualTo("withdrawn");
        assertThat(row.decidedBy()).isEqualTo("agent");
        assertThat(row.decidedById()).isEqualTo(AGENT.value());
        assertThat(row.approvalSource()).isNull();
    }

    @Test
    void a_check_in_is_resolved_once_and_an_event_folded_again_changes_nothing() {
        CheckInApproved approval = new CheckInApproved(ID, ROOM, ORG, AGENT, LEAD, null, T0.plusSeconds(1));
        CheckInFact approved = fold(pending(), approval);

        assertThat(CheckInFactsFold.next(approved, approval, 1)).isSameAs(approved);
        assertThat(CheckInFactsFold.next(approved, new CheckInExpired(ID, ROOM, ORG, AGENT, Actor.SYSTEM,
                T0.plusSeconds(9)), 2))
                .isSameAs(approved);
        assertThat(CheckInFactsFold.next(approved, pending(), 0)).isSameAs(approved);
    }

    @Test
    void a_check_in_stored_without_risk_level_or_urgency_has_them_empty_rather_than_guessed() {
        CheckInCreated bare = new CheckInCreated(ID, ROOM, ORG, Actor.agent(AGENT), "deploy", null, null, null,
                Map.of(), CheckInStatus.PENDING, 60_000, TimeoutAction.CANCEL, null,
                new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15, 1), T0);

        CheckInFact row = fold(bare);

        assertThat(row.riskLevel()).isNull();
        assertThat(row.urgency()).isNull();
    }

    @Test
    void a_resolution_of_a_check_in_with_no_row_makes_none() {
        assertThat(CheckInFactsFold.next(null, new CheckInExpired(ID, ROOM, ORG, AGENT, Actor.SYSTEM, T0), 1)).isNull();
    }

    private static CheckInCreated pending() {
        return created(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null);
    }

    private static CheckInCreated created(PolicyOutcome outcome, DecisionSource source, String ruleId) {
        CheckInStatus status = outcome.createdStatus();
        return new CheckInCreated(ID, ROOM, ORG, Actor.agent(AGENT), "deploy", "why", RiskLevel.HIGH, Urgency.URGENT,
                Map.of(), status, 60_000, TimeoutAction.CANCEL, null, new PolicyDecision(outcome, source, ruleId, 42.5,
                        3), T0);
    }

    /** The row after the events, numbered from 0 as a check-in's stream numbers them. */
    private static CheckInFact fold(CheckInEvent... events) {
        CheckInFact row = null;
        for (int i = 0; i < events.length; i++) {
            row = CheckInFactsFold.next(row, events[i], i);
        }
        return row;
    }
}
