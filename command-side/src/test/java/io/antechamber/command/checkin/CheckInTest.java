package io.antechamber.command.checkin;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.events.common.RefusalCode.NOT_A_MEMBER;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.events.common.RefusalCode.NOT_THE_CREATOR;
import static io.antechamber.events.common.RefusalCode.WRONG_STATUS;
import static io.antechamber.command.Refusals.resultThat;

import io.antechamber.command.lookup.InMemoryRoomDirectory;
import io.antechamber.events.checkin.ApproveCheckIn;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.CreateCheckIn;
import io.antechamber.events.checkin.ModifyCheckIn;
import io.antechamber.events.checkin.RejectCheckIn;
import io.antechamber.events.checkin.TimeOutCheckIn;
import io.antechamber.events.checkin.WithdrawCheckIn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckInTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final RoomId OTHER_ORGS_ROOM = new RoomId("room_elsewhere01");
    private static final RoomId UNKNOWN_ROOM = new RoomId("room_nowhere0001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final AgentId OTHER_AGENT = new AgentId("agt_bystander01");
    private static final AgentId OUTSIDER_AGENT = new AgentId("agt_outsider001");
    private static final HumanId REVIEWER = new HumanId("hum_reviewer001");
    private static final HumanId OUTSIDER = new HumanId("hum_outsider001");
    /** An admin of the org who is a member of no room. */
    private static final HumanId ADMIN = new HumanId("hum_admin000001");
    private static final CheckInId CHECK_IN = new CheckInId("ci_checkin00001");
    private static final long ONE_HOUR_MS = Duration.ofHours(1).toMillis();

    /** The product doc's example: no production deploys on Fridays, low-risk work needs nobody. */
    private static final Policy RULES = new Policy(DefaultAction.REQUIRE_APPROVAL, ONE_HOUR_MS, TimeoutAction.CANCEL,
            Map.of("medium", 50.0), List.of(
                    new PolicyRule("no-prod-friday", RuleEffect.FORBID, List.of(
                            new Condition("action", ConditionOp.CONTAINS, "production"),
                            new Condition("metadata.day", ConditionOp.EQ, "friday"))),
                    new PolicyRule("reads-are-fine", RuleEffect.AUTO_APPROVE, List.of(
                            new Condition("risk_level", ConditionOp.EQ, "low")))));
    private static final RoomId RULED_ROOM = new RoomId("room_ruled00001");
    private static final int RULED_ROOM_POLICY_VERSION = 7;

    private FixtureConfiguration<CheckIn> fixture;
    private InMemoryRoomDirectory rooms;

    @BeforeEach
    void setUp() {
        rooms = new InMemoryRoomDirectory()
                .addRoom(ROOM, ORG, Policy.initial(), 1, Actor.agent(AGENT), Actor.agent(OTHER_AGENT),
                        Actor.human(REVIEWER))
                .addRoom(RULED_ROOM, ORG, RULES, RULED_ROOM_POLICY_VERSION, Actor.agent(AGENT))
                .addRoom(OTHER_ORGS_ROOM, OTHER_ORG, Policy.initial(), 1, Actor.agent(AGENT))
                .addAdmin(ORG, Actor.human(ADMIN));
        fixture = new AggregateTestFixture<>(CheckIn.class);
        fixture.setReportIllegalStateChange(true);
        fixture.registerInjectableResource(rooms);
    }

    // --- CreateCheckIn -------------------------------------------------------------------------------------------

    @Test
    void a_check_in_under_the_default_policy_waits_for_a_human_until_the_policy_timeout() {
        whenNothingHappened()
                .when(create(ROOM, "deploy to staging", RiskLevel.MEDIUM, null, null))
                .expectEvents(created(ROOM, "deploy to staging", RiskLevel.MEDIUM, Map.of(), CheckInStatus.PENDING,
                        ONE_HOUR_MS, TimeoutAction.CANCEL, NOW.plusMillis(ONE_HOUR_MS),
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1)))
                .expectResultMessagePayloadMatching(state("pending, undecided, version 0",
                        s -> s.status() == CheckInStatus.PENDING && s.decision() == null && s.version() == 0));
    }

    @Test
    void a_check_in_matching_an_auto_approve_rule_is_approved_at_creation_and_never_expires() {
        whenNothingHappened()
                .when(create(RULED_ROOM, "read the logs", RiskLevel.LOW, null, null))
                .expectEvents(created(RULED_ROOM, "read the logs", RiskLevel.LOW, Map.of(), CheckInStatus.APPROVED,
                        ONE_HOUR_MS, TimeoutAction.CANCEL, null,
                        new PolicyDecision(PolicyOutcome.AUTO_APPROVE, DecisionSource.AUTO_APPROVE_RULE,
                                "reads-are-fine", 15.0, RULED_ROOM_POLICY_VERSION)))
                .expectResultMessagePayloadMatching(state("approved by the system",
                        s -> s.status() == CheckInStatus.APPROVED && s.decision().by().equals(Actor.SYSTEM)));
    }

    @Test
    void a_check_in_from_an_agent_trusted_at_the_threshold_of_its_risk_level_is_approved_at_creation() {
        rooms.setTrust(RULED_ROOM, AGENT, 50.0);

        whenNothingHappened()
                .when(create(RULED_ROOM, "restart a worker", RiskLevel.MEDIUM, null, null))
                .expectEvents(created(RULED_ROOM, "restart a worker", RiskLevel.MEDIUM, Map.of(),
                        CheckInStatus.APPROVED, ONE_HOUR_MS, TimeoutAction.CANCEL, null,
                        new PolicyDecision(PolicyOutcome.AUTO_APPROVE, DecisionSource.TRUST, null, 50.0,
                                RULED_ROOM_POLICY_VERSION)));
    }

    @Test
    void a_check_in_from_an_agent_trusted_below_the_threshold_waits_for_a_human() {
        rooms.setTrust(RULED_ROOM, AGENT, 49.9);

        whenNothingHappened()
                .when(create(RULED_ROOM, "restart a worker", RiskLevel.MEDIUM, null, null))
                .expectEvents(created(RULED_ROOM, "restart a worker", RiskLevel.MEDIUM, Map.of(),
                        CheckInStatus.PENDING, ONE_HOUR_MS, TimeoutAction.CANCEL, NOW.plusMillis(ONE_HOUR_MS),
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 49.9,
                                RULED_ROOM_POLICY_VERSION)));
    }

    @Test
    void a_check_in_matching_a_forbid_rule_is_rejected_at_creation_and_never_expires() {
        Map<String, Object> friday = Map.of("day", "friday");

        whenNothingHappened()
                .when(new CreateCheckIn(CHECK_IN, RULED_ROOM, ORG, AGENT, "deploy to production", "hotfix",
                        RiskLevel.LOW, Urgency.URGENT, friday, null, null))
                .expectEvents(new CheckInCreated(CHECK_IN, RULED_ROOM, ORG, Actor.agent(AGENT),
                        "deploy to production", "hotfix", RiskLevel.LOW, Urgency.URGENT, friday,
                        CheckInStatus.REJECTED, ONE_HOUR_MS, TimeoutAction.CANCEL, null,
                        new PolicyDecision(PolicyOutcome.FORBID, DecisionSource.FORBID_RULE, "no-prod-friday", 15.0,
                                RULED_ROOM_POLICY_VERSION), NOW))
                .expectResultMessagePayloadMatching(state("rejected by the system",
                        s -> s.status() == CheckInStatus.REJECTED && s.decision().by().equals(Actor.SYSTEM)));
    }

    @Test
    void the_timeout_and_timeout_action_of_the_command_win_over_the_policy_defaults() {
        long fiveMinutes = Duration.ofMinutes(5).toMillis();

        whenNothingHappened()
                .when(create(ROOM, "rotate logs", RiskLevel.MEDIUM, fiveMinutes, TimeoutAction.AUTO_APPROVE))
                .expectEvents(created(ROOM, "rotate logs", RiskLevel.MEDIUM, Map.of(), CheckInStatus.PENDING,
                        fiveMinutes, TimeoutAction.AUTO_APPROVE, NOW.plusMillis(fiveMinutes),
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1)));
    }

    @Test
    void a_check_in_without_a_timeout_takes_the_timeout_and_action_of_the_room_policy() {
        long tenMinutes = Duration.ofMinutes(10).toMillis();
        Policy quickAndLenient = new Policy(DefaultAction.REQUIRE_APPROVAL, tenMinutes, TimeoutAction.AUTO_APPROVE,
                Map.of(), List.of());
        rooms.addRoom(ROOM, ORG, quickAndLenient, 2);

        whenNothingHappened()
                .when(create(ROOM, "rotate logs", RiskLevel.MEDIUM, null, null))
                .expectEvents(created(ROOM, "rotate logs", RiskLevel.MEDIUM, Map.of(), CheckInStatus.PENDING,
                        tenMinutes, TimeoutAction.AUTO_APPROVE, NOW.plusMillis(tenMinutes),
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 2)));
    }

    @Test
    void a_held_check_in_has_no_expiry() {
        whenNothingHappened()
                .when(create(ROOM, "migrate the database", RiskLevel.HIGH, ONE_HOUR_MS, TimeoutAction.HOLD))
                .expectEvents(created(ROOM, "migrate the database", RiskLevel.HIGH, Map.of(), CheckInStatus.PENDING,
                        ONE_HOUR_MS, TimeoutAction.HOLD, null,
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1)));
    }

    @Test
    void a_check_in_in_an_unknown_room_is_not_found() {
        whenNothingHappened()
                .when(create(UNKNOWN_ROOM, "deploy", RiskLevel.MEDIUM, null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_check_in_in_a_room_of_another_org_is_not_found_even_for_a_member() {
        whenNothingHappened()
                .when(create(OTHER_ORGS_ROOM, "deploy", RiskLevel.MEDIUM, null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_check_in_by_an_agent_who_is_not_a_member_of_the_room_is_forbidden() {
        whenNothingHappened()
                .when(new CreateCheckIn(CHECK_IN, ROOM, ORG, OUTSIDER_AGENT, "deploy", null, RiskLevel.MEDIUM,
                        Urgency.NORMAL, null, null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    // --- ApproveCheckIn / RejectCheckIn / ModifyCheckIn ------------------------------------------------------------

    @Test
    void approving_a_pending_check_in_records_who_approved_it_and_why() {
        given(pending())
                .when(new ApproveCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), "looks safe"))
                .expectEvents(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER), "looks safe", NOW))
                .expectResultMessagePayloadMatching(state("approved by the reviewer, version 1",
                        s -> s.status() == CheckInStatus.APPROVED && s.decision().by().equals(Actor.human(REVIEWER))
                                && "looks safe".equals(s.decision().reason()) && s.version() == 1));
    }

    @Test
    void rejecting_a_pending_check_in_records_who_rejected_it_and_why() {
        given(pending())
                .when(new RejectCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), "not during the freeze"))
                .expectEvents(new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER),
                        "not during the freeze", NOW))
                .expectResultMessagePayloadMatching(state("rejected, version 1",
                        s -> s.status() == CheckInStatus.REJECTED && s.version() == 1));
    }

    @Test
    void modifying_a_pending_check_in_records_the_modifications_who_made_them_and_why() {
        Map<String, Object> modifications = Map.of("target", "staging", "replicas", 1);

        given(pending())
                .when(new ModifyCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), modifications, "staging first"))
                .expectEvents(new CheckInModified(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER), modifications,
                        "staging first", NOW))
                .expectResultMessagePayloadMatching(state("modified with the modifications, version 1",
                        s -> s.status() == CheckInStatus.MODIFIED
                                && modifications.equals(s.decision().modifications()) && s.version() == 1));
    }

    @Test
    void approving_a_resolved_check_in_is_a_conflict() {
        given(pending(), new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER), "ok", NOW))
                .when(new ApproveCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), "again"))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void approving_a_check_in_rejected_by_policy_at_creation_is_a_conflict() {
        given(created(ROOM, "deploy", RiskLevel.MEDIUM, Map.of(), CheckInStatus.REJECTED, ONE_HOUR_MS,
                TimeoutAction.CANCEL, null,
                new PolicyDecision(PolicyOutcome.FORBID, DecisionSource.DEFAULT, null, 15.0, 1)))
                .when(new ApproveCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), "override"))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void rejecting_a_resolved_check_in_is_a_conflict() {
        given(pending(), new CheckInExpired(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, NOW))
                .when(new RejectCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), "too late"))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void modifying_a_resolved_check_in_is_a_conflict() {
        given(pending(), new CheckInWithdrawn(CHECK_IN, ROOM, ORG, AGENT, Actor.agent(AGENT), NOW))
                .when(new ModifyCheckIn(CHECK_IN, ORG, Actor.human(REVIEWER), Map.of("x", 1), null))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void approving_by_a_human_who_is_not_a_member_of_the_room_is_forbidden() {
        given(pending())
                .when(new ApproveCheckIn(CHECK_IN, ORG, Actor.human(OUTSIDER), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void rejecting_by_a_human_who_is_not_a_member_of_the_room_is_forbidden() {
        given(pending())
                .when(new RejectCheckIn(CHECK_IN, ORG, Actor.human(OUTSIDER), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void modifying_by_a_human_who_is_not_a_member_of_the_room_is_forbidden() {
        given(pending())
                .when(new ModifyCheckIn(CHECK_IN, ORG, Actor.human(OUTSIDER), Map.of("x", 1), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void an_admin_of_the_org_decides_in_a_room_they_are_not_a_member_of() {
        given(pending())
                .when(new ApproveCheckIn(CHECK_IN, ORG, Actor.human(ADMIN), "admins act in every room"))
                .expectEvents(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.human(ADMIN),
                        "admins act in every room", NOW));
    }

    @Test
    void approving_a_check_in_of_another_org_is_not_found() {
        given(pending())
                .when(new ApproveCheckIn(CHECK_IN, OTHER_ORG, Actor.human(REVIEWER), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void rejecting_a_check_in_of_another_org_is_not_found() {
        given(pending())
                .when(new RejectCheckIn(CHECK_IN, OTHER_ORG, Actor.human(REVIEWER), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void modifying_a_check_in_of_another_org_is_not_found() {
        given(pending())
                .when(new ModifyCheckIn(CHECK_IN, OTHER_ORG, Actor.human(REVIEWER), Map.of("x", 1), null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- WithdrawCheckIn -------------------------------------------------------------------------------------------

    @Test
    void the_agent_that_created_a_pending_check_in_may_withdraw_it() {
        given(pending())
                .when(new WithdrawCheckIn(CHECK_IN, ORG, Actor.agent(AGENT)))
                .expectEvents(new CheckInWithdrawn(CHECK_IN, ROOM, ORG, AGENT, Actor.agent(AGENT), NOW))
                .expectResultMessagePayloadMatching(state("withdrawn, version 1",
                        s -> s.status() == CheckInStatus.WITHDRAWN && s.version() == 1));
    }

    @Test
    void withdrawing_another_agents_check_in_is_forbidden() {
        given(pending())
                .when(new WithdrawCheckIn(CHECK_IN, ORG, Actor.agent(OTHER_AGENT)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_THE_CREATOR));
    }

    @Test
    void withdrawing_a_resolved_check_in_is_a_conflict() {
        given(pending(), new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER), "no", NOW))
                .when(new WithdrawCheckIn(CHECK_IN, ORG, Actor.agent(AGENT)))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void withdrawing_a_check_in_of_another_org_is_not_found() {
        given(pending())
                .when(new WithdrawCheckIn(CHECK_IN, OTHER_ORG, Actor.agent(AGENT)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- TimeOutCheckIn --------------------------------------------------------------------------------------------

    @Test
    void a_timed_out_check_in_that_cancels_expires() {
        given(pending(TimeoutAction.CANCEL))
                .when(new TimeOutCheckIn(CHECK_IN))
                .expectEvents(new CheckInExpired(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, NOW))
                .expectResultMessagePayloadMatching(state("expired",
                        s -> s.status() == CheckInStatus.EXPIRED && s.decision().by().equals(Actor.SYSTEM)));
    }

    @Test
    void a_timed_out_check_in_that_auto_approves_is_approved_by_the_system() {
        given(pending(TimeoutAction.AUTO_APPROVE))
                .when(new TimeOutCheckIn(CHECK_IN))
                .expectEvents(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, "timed out: auto_approve",
                        NOW))
                .expectResultMessagePayloadMatching(state("approved by the system",
                        s -> s.status() == CheckInStatus.APPROVED && s.decision().by().equals(Actor.SYSTEM)));
    }

    @Test
    void a_timed_out_held_check_in_stays_pending() {
        given(created(ROOM, "deploy", RiskLevel.MEDIUM, Map.of(), CheckInStatus.PENDING, ONE_HOUR_MS,
                TimeoutAction.HOLD, null,
                new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1)))
                .when(new TimeOutCheckIn(CHECK_IN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(state("still pending",
                        s -> s.status() == CheckInStatus.PENDING));
    }

    @Test
    void a_timeout_arriving_after_the_check_in_was_resolved_changes_nothing_and_is_no_error() {
        given(pending(TimeoutAction.CANCEL),
                new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.human(REVIEWER), "ok", NOW))
                .when(new TimeOutCheckIn(CHECK_IN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(state("still approved by the reviewer",
                        s -> s.status() == CheckInStatus.APPROVED && s.decision().by().equals(Actor.human(REVIEWER))));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private TestExecutor<CheckIn> whenNothingHappened() {
        return fixture.givenCurrentTime(NOW);
    }

    private TestExecutor<CheckIn> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static CreateCheckIn create(RoomId room, String action, RiskLevel risk, Long timeoutMs,
            TimeoutAction timeoutAction) {
        return new CreateCheckIn(CHECK_IN, room, ORG, AGENT, action, "because", risk, Urgency.NORMAL, null, timeoutMs,
                timeoutAction);
    }

    private static CheckInCreated created(RoomId room, String action, RiskLevel risk, Map<String, Object> metadata,
            CheckInStatus status, long timeoutMs, TimeoutAction timeoutAction, Instant expiresAt,
            PolicyDecision decision) {
        return new CheckInCreated(CHECK_IN, room, ORG, Actor.agent(AGENT), action, "because", risk, Urgency.NORMAL,
                metadata, status, timeoutMs, timeoutAction, expiresAt, decision, NOW);
    }

    private static CheckInCreated pending() {
        return pending(TimeoutAction.CANCEL);
    }

    private static CheckInCreated pending(TimeoutAction timeoutAction) {
        return created(ROOM, "deploy", RiskLevel.MEDIUM, Map.of(), CheckInStatus.PENDING, ONE_HOUR_MS, timeoutAction,
                NOW.plusMillis(ONE_HOUR_MS),
                new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1));
    }

    private static Matcher<CheckInState> state(String description, Predicate<CheckInState> test) {
        return resultThat(CheckInState.class, description, test);
    }
}
