package io.antechamber.command.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustLedgerId;
import io.antechamber.events.trust.TrustOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which resolutions move trust. Events go through Axon's annotation adapter, as the processor would deliver them, so
 * a resolution without a handler (a withdrawal) is tested as such rather than by calling a method.
 */
class TrustOnResolutionTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final CheckInId CHECK_IN = new CheckInId("ci_checkin00001");
    private static final Actor REVIEWER = Actor.human(new HumanId("hum_reviewer001"));

    private RecordingCommandBus commandBus;
    private AnnotationEventHandlerAdapter handler;

    @BeforeEach
    void setUp() {
        commandBus = new RecordingCommandBus();
        handler = new AnnotationEventHandlerAdapter(
                new TrustOnResolution(DefaultCommandGateway.builder().commandBus(commandBus).build()));
    }

    @Test
    void a_human_approval_raises_trust_as_approved() throws Exception {
        deliver(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, "ok", NOW));

        assertThat(sentCommands()).containsExactly(adjustment(TrustOutcome.APPROVED));
    }

    @Test
    void a_human_modification_raises_trust_as_modified() throws Exception {
        deliver(new CheckInModified(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, Map.of("target", "staging"), null, NOW));

        assertThat(sentCommands()).containsExactly(adjustment(TrustOutcome.MODIFIED));
    }

    @Test
    void a_human_rejection_lowers_trust_as_rejected() throws Exception {
        deliver(new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, "no", NOW));

        assertThat(sentCommands()).containsExactly(adjustment(TrustOutcome.REJECTED));
    }

    @Test
    void an_expiry_lowers_trust_as_expired() throws Exception {
        deliver(new CheckInExpired(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, NOW));

        assertThat(sentCommands()).containsExactly(adjustment(TrustOutcome.EXPIRED));
    }

    @Test
    void an_approval_by_the_system_after_a_timeout_leaves_trust_alone() throws Exception {
        deliver(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, "timed out: auto_approve", NOW));

        assertThat(sentCommands()).isEmpty();
    }

    @Test
    void a_withdrawal_leaves_trust_alone() throws Exception {
        deliver(new CheckInWithdrawn(CHECK_IN, ROOM, ORG, AGENT, Actor.agent(AGENT), NOW));

        assertThat(sentCommands()).isEmpty();
    }

    @Test
    void the_adjustment_goes_to_the_ledger_of_the_agent_in_the_room_of_the_check_in() throws Exception {
        deliver(new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, "no", NOW));

        assertThat(sentCommands()).singleElement()
                .satisfies(command -> assertThat(command.ledgerId()).isEqualTo(TrustLedgerId.of(ROOM, AGENT))
                        .isEqualTo("trust_room_deploys0001_agt_builder0001"));
    }

    private void deliver(CheckInEvent event) throws Exception {
        handler.handle(GenericEventMessage.asEventMessage(event));
    }

    private List<AdjustTrust> sentCommands() {
        return commandBus.getDispatchedCommands().stream()
                .map(CommandMessage::getPayload)
                .map(AdjustTrust.class::cast)
                .toList();
    }

    private static AdjustTrust adjustment(TrustOutcome outcome) {
        return new AdjustTrust(TrustLedgerId.of(ROOM, AGENT), ROOM, ORG, AGENT, CHECK_IN, outcome);
    }
}
