package io.antechamber.command.checkin;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.events.common.RefusalCode.ALREADY_PARTICIPANT;
import static io.antechamber.events.common.RefusalCode.INVALID;
import static io.antechamber.events.common.RefusalCode.NOT_A_MEMBER;
import static io.antechamber.events.common.RefusalCode.NOT_A_PARTICIPANT;
import static io.antechamber.events.common.RefusalCode.NOT_A_TASK;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.events.common.RefusalCode.NOT_PRIMARY;
import static io.antechamber.events.common.RefusalCode.NOT_THE_CREATOR;
import static io.antechamber.events.common.RefusalCode.NO_HELP_REQUESTED;
import static io.antechamber.events.common.RefusalCode.WRONG_STATUS;
import static io.antechamber.command.Refusals.resultThat;

import io.antechamber.command.lookup.InMemoryRoomDirectory;
import io.antechamber.events.checkin.ApproveCheckIn;
import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.ClaimTask;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.JoinTask;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.ModifyCheckIn;
import io.antechamber.events.checkin.Participant;
import io.antechamber.events.checkin.ParticipantRole;
import io.antechamber.events.checkin.PostMessage;
import io.antechamber.events.checkin.PostTask;
import io.antechamber.events.checkin.RejectCheckIn;
import io.antechamber.events.checkin.ReleaseTask;
import io.antechamber.events.checkin.RequestHelp;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.SubmitResult;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.checkin.WithdrawCheckIn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
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

/**
 * The human→agent task status machine of DESIGN.md, every refusal of a move it does not allow, and who may post to
 * a thread.
 */
class TaskTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(600);
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final Actor WORKER = Actor.agent(new AgentId("agt_worker00001"));
    private static final Actor HELPER = Actor.agent(new AgentId("agt_helper00001"));
    private static final Actor OUTSIDER_AGENT = Actor.agent(new AgentId("agt_outsider001"));
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));
    private static final Actor OUTSIDER = Actor.human(new HumanId("hum_outsider001"));
    private static final CheckInId TASK = new CheckInId("ci_task00000001");
    private static final MessageId MESSAGE = new MessageId("msg_message00001");
    private static final Map<String, Object> CHANGES = Map.of("scope", "also the eu cluster");

    private FixtureConfiguration<CheckIn> fixture;

    @BeforeEach
    void setUp() {
        InMemoryRoomDirectory rooms = new InMemoryRoomDirectory()
                .addRoom(ROOM, ORG, Policy.initial(), 1, WORKER, HELPER, LEAD);
        fixture = new AggregateTestFixture<>(CheckIn.class);
        fixture.setReportIllegalStateChange(true);
        fixture.registerInjectableResource(rooms);
    }

    // --- PostTask ---------------------------------------------------------------------------------------------

    @Test
    void a_human_member_posts_an_open_task_with_no_policy_and_no_participants() {
        fixture.givenCurrentTime(NOW)
                .when(new PostTask(TASK, ROOM, ORG, LEAD, "rotate the keys", "quarterly", Urgency.HIGH,
                        Map.of("ticket", "SEC-1"), 3_600_000L))
                .expectEvents(new TaskPosted(TASK, ROOM, ORG, LEAD, "rotate the keys", "quarterly", Urgency.HIGH,
                        Map.of("ticket", "SEC-1"), 3_600_000L, NOW.plusSeconds(3600), NOW))
                .expectResultMessagePayloadMatching(state("an open human_to_agent task, nobody on it",
                        s -> s.status() == CheckInStatus.OPEN && s.direction() == Direction.HUMAN_TO_AGENT
                                && s.policy() == null && s.participants().isEmpty() && s.createdBy().equals(LEAD)));
    }

    @Test
    void a_task_without_a_timeout_has_no_deadline() {
        fixture.givenCurrentTime(NOW)
                .when(new PostTask(TASK, ROOM, ORG, LEAD, "rotate the keys", null, Urgency.NORMAL, null, null))
                .expectEvents(new TaskPosted(TASK, ROOM, ORG, LEAD, "rotate the keys", null, Urgency.NORMAL, Map.of(),
                        null, null, NOW));
    }

    @Test
    void a_human_outside_the_room_may_not_post_to_it() {
        fixture.givenCurrentTime(NOW)
                .when(new PostTask(TASK, ROOM, ORG, OUTSIDER, "rotate the keys", null, Urgency.NORMAL, null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    // --- ClaimTask ----------------------------------------------------------------------------------------------

    @Test
    void an_agent_of_the_room_claims_an_open_task_and_becomes_its_primary() {
        given(posted())
                .when(new ClaimTask(TASK, ORG, WORKER))
                .expectEvents(new TaskClaimed(TASK, ROOM, ORG, WORKER, NOW))
                .expectResultMessagePayloadMatching(state("claimed, the worker primary since now",
                        s -> s.status() == CheckInStatus.CLAIMED
                                && s.participants().equals(List.of(new Participant(WORKER, ParticipantRole.PRIMARY, NOW)))
                                && s.version() == 1));
    }

    @Test
    void a_claimed_task_cannot_be_claimed_again() {
        given(posted(), claimed())
                .when(new ClaimTask(TASK, ORG, HELPER))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void an_agent_outside_the_room_may_not_claim() {
        given(posted())
                .when(new ClaimTask(TASK, ORG, OUTSIDER_AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void a_task_of_another_org_is_not_found() {
        given(posted())
                .when(new ClaimTask(TASK, OTHER_ORG, WORKER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void an_agents_check_in_is_not_a_task_and_cannot_be_claimed() {
        given(pendingCheckIn())
                .when(new ClaimTask(TASK, ORG, HELPER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_TASK));
    }

    @Test
    void a_submitted_or_finished_task_cannot_be_claimed() {
        given(posted(), claimed(), submitted())
                .when(new ClaimTask(TASK, ORG, HELPER))
                .expectException(refusedWith(WRONG_STATUS));
        given(posted(), claimed(), submitted(), new TaskApproved(TASK, ROOM, ORG, LEAD, "thanks", EARLIER))
                .when(new ClaimTask(TASK, ORG, HELPER))
                .expectException(refusedWith(WRONG_STATUS));
    }

    // --- ReleaseTask -------------------------------------------------------------------------------------------

    @Test
    void the_primary_releases_the_task_back_to_the_room_and_everyone_leaves_it() {
        given(posted(), claimed(), helpRequested(), joined())
                .when(new ReleaseTask(TASK, ORG, WORKER))
                .expectEvents(new TaskReleased(TASK, ROOM, ORG, WORKER, NOW))
                .expectResultMessagePayloadMatching(state("open, no participants, help no longer requested",
                        s -> s.status() == CheckInStatus.OPEN && s.participants().isEmpty() && !s.helpRequested()));
    }

    @Test
    void a_released_task_can_be_claimed_by_another_agent() {
        given(posted(), claimed(), new TaskReleased(TASK, ROOM, ORG, WORKER, EARLIER))
                .when(new ClaimTask(TASK, ORG, HELPER))
                .expectEvents(new TaskClaimed(TASK, ROOM, ORG, HELPER, NOW));
    }

    @Test
    void only_the_primary_may_release() {
        given(posted(), claimed(), helpRequested(), joined())
                .when(new ReleaseTask(TASK, ORG, HELPER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PRIMARY));
    }

    @Test
    void an_open_task_cannot_be_released() {
        given(posted())
                .when(new ReleaseTask(TASK, ORG, WORKER))
                .expectNoEvents()
                .expectException(refusedWith(WRONG_STATUS));
    }

    // --- RequestHelp / JoinTask ---------------------------------------------------------------------------------

    @Test
    void the_primary_requests_help_with_a_description() {
        given(posted(), claimed())
                .when(new RequestHelp(TASK, ORG, WORKER, "need someone with eu access"))
                .expectEvents(new HelpRequested(TASK, ROOM, ORG, WORKER, "need someone with eu access", NOW))
                .expectResultMessagePayloadMatching(state("help requested", CheckInState::helpRequested));
    }

    @Test
    void help_can_be_asked_for_again_while_the_task_is_claimed() {
        given(posted(), claimed(), helpRequested())
                .when(new RequestHelp(TASK, ORG, WORKER, "still need eu access"))
                .expectEvents(new HelpRequested(TASK, ROOM, ORG, WORKER, "still need eu access", NOW));
    }

    @Test
    void only_the_primary_may_request_help_and_only_on_a_claimed_task() {
        given(posted(), claimed())
                .when(new RequestHelp(TASK, ORG, HELPER, null))
                .expectException(refusedWith(NOT_PRIMARY));
        given(posted())
                .when(new RequestHelp(TASK, ORG, WORKER, null))
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void another_agent_of_the_room_joins_as_a_helper_once_help_was_requested() {
        given(posted(), claimed(), helpRequested())
                .when(new JoinTask(TASK, ORG, HELPER))
                .expectEvents(new HelperJoined(TASK, ROOM, ORG, HELPER, NOW))
                .expectResultMessagePayloadMatching(state("the worker primary, the helper helping since now",
                        s -> s.participants().equals(List.of(new Participant(WORKER, ParticipantRole.PRIMARY, EARLIER),
                                new Participant(HELPER, ParticipantRole.HELPER, NOW)))));
    }

    @Test
    void joining_before_help_was_requested_is_a_conflict() {
        given(posted(), claimed())
                .when(new JoinTask(TASK, ORG, HELPER))
                .expectNoEvents()
                .expectException(refusedWith(NO_HELP_REQUESTED));
    }

    @Test
    void joining_twice_or_as_the_primary_is_a_conflict() {
        given(posted(), claimed(), helpRequested(), joined())
                .when(new JoinTask(TASK, ORG, HELPER))
                .expectException(refusedWith(ALREADY_PARTICIPANT));
        given(posted(), claimed(), helpRequested())
                .when(new JoinTask(TASK, ORG, WORKER))
                .expectException(refusedWith(ALREADY_PARTICIPANT));
    }

    @Test
    void an_agent_outside_the_room_may_not_join() {
        given(posted(), claimed(), helpRequested())
                .when(new JoinTask(TASK, ORG, OUTSIDER_AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void an_open_task_cannot_be_joined() {
        given(posted())
                .when(new JoinTask(TASK, ORG, HELPER))
                .expectException(refusedWith(WRONG_STATUS));
    }

    // --- SubmitResult ---------------------------------------------------------------------------------------------

    @Test
    void the_primary_submits_a_result_with_metadata_and_attachments() {
        List<Attachment> attachments = List.of(new Attachment("report.pdf", "https://files.example/r.pdf",
                "application/pdf", 2048L));
        given(posted(), claimed())
                .when(new SubmitResult(TASK, ORG, WORKER, "rotated 12 keys", Map.of("keys", 12), attachments))
                .expectEvents(new ResultSubmitted(TASK, ROOM, ORG, WORKER, "rotated 12 keys", Map.of("keys", 12),
                        attachments, NOW))
                .expectResultMessagePayloadMatching(state("submitted",
                        s -> s.status() == CheckInStatus.SUBMITTED));
    }

    @Test
    void a_helper_may_not_submit() {
        given(posted(), claimed(), helpRequested(), joined())
                .when(new SubmitResult(TASK, ORG, HELPER, "done", null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PRIMARY));
    }

    @Test
    void an_open_or_already_submitted_task_cannot_be_submitted() {
        given(posted())
                .when(new SubmitResult(TASK, ORG, WORKER, "done", null, null))
                .expectException(refusedWith(WRONG_STATUS));
        given(posted(), claimed(), submitted())
                .when(new SubmitResult(TASK, ORG, WORKER, "done again", null, null))
                .expectException(refusedWith(WRONG_STATUS));
    }

    // --- decisions on the submitted result -----------------------------------------------------------------------

    @Test
    void approving_the_submitted_result_finishes_the_task() {
        given(posted(), claimed(), submitted())
                .when(new ApproveCheckIn(TASK, ORG, LEAD, "thanks"))
                .expectEvents(new TaskApproved(TASK, ROOM, ORG, LEAD, "thanks", NOW))
                .expectResultMessagePayloadMatching(state("approved by the lead",
                        s -> s.status() == CheckInStatus.APPROVED && s.decision().by().equals(LEAD)));
    }

    @Test
    void rejecting_the_submitted_result_ends_the_task_rejected() {
        given(posted(), claimed(), submitted())
                .when(new RejectCheckIn(TASK, ORG, LEAD, "wrong cluster"))
                .expectEvents(new TaskRejected(TASK, ROOM, ORG, LEAD, "wrong cluster", NOW))
                .expectResultMessagePayloadMatching(state("rejected",
                        s -> s.status() == CheckInStatus.REJECTED));
    }

    @Test
    void modifying_the_submitted_result_sends_it_back_to_the_primary_with_the_requested_changes() {
        given(posted(), claimed(), submitted())
                .when(new ModifyCheckIn(TASK, ORG, LEAD, CHANGES, "one more"))
                .expectEvents(new TaskModified(TASK, ROOM, ORG, LEAD, CHANGES, "one more", NOW))
                .expectResultMessagePayloadMatching(state("claimed again by the worker, changes requested",
                        s -> s.status() == CheckInStatus.CLAIMED && s.primary().orElseThrow().equals(WORKER)
                                && s.decision().outcome() == CheckInStatus.MODIFIED
                                && CHANGES.equals(s.decision().modifications())));
    }

    @Test
    void after_requested_changes_the_primary_submits_again() {
        given(posted(), claimed(), submitted(), new TaskModified(TASK, ROOM, ORG, LEAD, CHANGES, null, EARLIER))
                .when(new SubmitResult(TASK, ORG, WORKER, "now with eu", null, null))
                .expectEvents(new ResultSubmitted(TASK, ROOM, ORG, WORKER, "now with eu", Map.of(), List.of(), NOW));
    }

    @Test
    void a_task_that_is_not_submitted_cannot_be_decided() {
        given(posted(), claimed())
                .when(new ApproveCheckIn(TASK, ORG, LEAD, null))
                .expectException(refusedWith(WRONG_STATUS));
        given(posted())
                .when(new RejectCheckIn(TASK, ORG, LEAD, null))
                .expectException(refusedWith(WRONG_STATUS));
        given(posted(), claimed(), submitted(), new TaskApproved(TASK, ROOM, ORG, LEAD, null, EARLIER))
                .when(new ModifyCheckIn(TASK, ORG, LEAD, CHANGES, null))
                .expectException(refusedWith(WRONG_STATUS));
    }

    @Test
    void a_human_outside_the_room_may_not_decide() {
        given(posted(), claimed(), submitted())
                .when(new ApproveCheckIn(TASK, ORG, OUTSIDER, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void a_task_cannot_be_withdrawn_by_an_agent() {
        given(posted(), claimed())
                .when(new WithdrawCheckIn(TASK, ORG, WORKER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_THE_CREATOR));
    }

    // --- PostMessage -------------------------------------------------------------------------------------------

    @Test
    void participants_and_the_rooms_humans_post_to_the_thread() {
        List<Attachment> attachments = List.of(new Attachment("plan.md", "https://files.example/plan.md", null, null));
        given(posted(), claimed(), helpRequested(), joined())
                .when(new PostMessage(TASK, ORG, HELPER, MESSAGE, MessageType.QUESTION, "which region first?",
                        Map.of("priority", 1), attachments))
                .expectEvents(new MessagePosted(TASK, ROOM, ORG, MESSAGE, HELPER, MessageType.QUESTION,
                        "which region first?", Map.of("priority", 1), attachments, NOW));
        given(posted(), claimed())
                .when(new PostMessage(TASK, ORG, WORKER, MESSAGE, MessageType.COMMENT, "on it", null, null))
                .expectEvents(new MessagePosted(TASK, ROOM, ORG, MESSAGE, WORKER, MessageType.COMMENT, "on it",
                        Map.of(), List.of(), NOW));
        given(posted())
                .when(new PostMessage(TASK, ORG, LEAD, MESSAGE, MessageType.ESCALATION, "urgent now", null, null))
                .expectSuccessfulHandlerExecution();
        given(pendingCheckIn())
                .when(new PostMessage(TASK, ORG, WORKER, MESSAGE, MessageType.COMMENT, "more context", null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void agents_that_do_not_take_part_and_humans_outside_the_room_may_not_post() {
        given(posted(), claimed())
                .when(new PostMessage(TASK, ORG, HELPER, MESSAGE, MessageType.COMMENT, "hi", null, null))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_PARTICIPANT));
        given(posted(), claimed())
                .when(new PostMessage(TASK, ORG, OUTSIDER, MESSAGE, MessageType.COMMENT, "hi", null, null))
                .expectException(refusedWith(NOT_A_PARTICIPANT));
        given(posted(), claimed(), new TaskReleased(TASK, ROOM, ORG, WORKER, EARLIER))
                .when(new PostMessage(TASK, ORG, WORKER, MESSAGE, MessageType.COMMENT, "still here?", null, null))
                .expectException(refusedWith(NOT_A_PARTICIPANT));
    }

    @Test
    void system_message_types_cannot_be_posted() {
        for (MessageType type : List.of(MessageType.STATUS_CHANGE, MessageType.RESULT, MessageType.DECISION)) {
            given(posted(), claimed())
                    .when(new PostMessage(TASK, ORG, WORKER, MESSAGE, type, "fake", null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(INVALID));
        }
    }

    private TestExecutor<CheckIn> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static TaskPosted posted() {
        return new TaskPosted(TASK, ROOM, ORG, LEAD, "rotate the keys", null, Urgency.NORMAL, Map.of(), null, null,
                EARLIER);
    }

    private static TaskClaimed claimed() {
        return new TaskClaimed(TASK, ROOM, ORG, WORKER, EARLIER);
    }

    private static HelpRequested helpRequested() {
        return new HelpRequested(TASK, ROOM, ORG, WORKER, null, EARLIER);
    }

    private static HelperJoined joined() {
        return new HelperJoined(TASK, ROOM, ORG, HELPER, EARLIER);
    }

    private static ResultSubmitted submitted() {
        return new ResultSubmitted(TASK, ROOM, ORG, WORKER, "done", Map.of(), List.of(), EARLIER);
    }

    private static CheckInCreated pendingCheckIn() {
        return new CheckInCreated(TASK, ROOM, ORG, WORKER, "deploy", null, RiskLevel.MEDIUM, Urgency.NORMAL, Map.of(),
                CheckInStatus.PENDING, 3_600_000L, TimeoutAction.CANCEL, EARLIER.plusSeconds(3600),
                new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1), EARLIER);
    }

    private static Matcher<CheckInState> state(String description, Predicate<CheckInState> test) {
        return resultThat(CheckInState.class, description, test);
    }
}
