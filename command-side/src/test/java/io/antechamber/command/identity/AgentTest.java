package io.antechamber.command.identity;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.events.common.RefusalCode.ALREADY_CLAIMED;
import static io.antechamber.events.common.RefusalCode.DEACTIVATED;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.command.Refusals.resultThat;

import io.antechamber.command.lookup.InMemoryClaimTokens;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.AgentState;
import io.antechamber.events.identity.AgentStatus;
import io.antechamber.events.identity.ClaimAgent;
import io.antechamber.events.identity.DeactivateAgent;
import io.antechamber.events.identity.RegisterAgent;
import io.antechamber.events.identity.RemoveUnclaimedAgent;
import io.antechamber.events.identity.RotateAgentKey;
import io.antechamber.events.identity.SelfRegisterAgent;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import java.time.Instant;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final HumanId STRANGER = new HumanId("hum_stranger001");
    private static final String CLAIM_TOKEN_HASH = "sha256-of-claim-token";

    private FixtureConfiguration<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
        fixture.setReportIllegalStateChange(true);
        InMemoryClaimTokens claimTokens = new InMemoryClaimTokens().add(CLAIM_TOKEN_HASH, AGENT);
        fixture.registerAnnotatedCommandHandler(new AgentClaimHandler(fixture.getRepository(), claimTokens));
    }

    // --- RegisterAgent / SelfRegisterAgent -------------------------------------------------------------------------

    @Test
    void an_agent_registered_by_a_human_is_active_in_the_humans_org() {
        fixture.givenCurrentTime(NOW)
                .when(new RegisterAgent(AGENT, ORG, "builder", "builds things", "sha256-of-key", "ak_12345",
                        Actor.human(OWNER)))
                .expectEvents(new AgentRegistered(AGENT, ORG, "builder", "builds things", "sha256-of-key", "ak_12345",
                        Actor.human(OWNER), NOW))
                .expectResultMessagePayloadMatching(agent("active in the org",
                        a -> a.status() == AgentStatus.ACTIVE && ORG.equals(a.orgId())));
    }

    @Test
    void a_self_registered_agent_belongs_to_no_org_until_it_is_claimed() {
        fixture.givenCurrentTime(NOW)
                .when(new SelfRegisterAgent(AGENT, "builder", null, "sha256-of-key", "ak_12345", CLAIM_TOKEN_HASH))
                .expectEvents(new AgentSelfRegistered(AGENT, "builder", null, "sha256-of-key", "ak_12345",
                        CLAIM_TOKEN_HASH, NOW))
                .expectResultMessagePayloadMatching(agent("pending claim, in no org",
                        a -> a.status() == AgentStatus.PENDING_CLAIM && a.orgId() == null));
    }

    // --- ClaimAgent ------------------------------------------------------------------------------------------------

    @Test
    void claiming_a_self_registered_agent_makes_it_active_in_the_claimers_org() {
        given(selfRegistered())
                .when(new ClaimAgent(CLAIM_TOKEN_HASH, ORG, Actor.human(OWNER)))
                .expectEvents(new AgentClaimed(AGENT, ORG, "builder", "builds things", "ak_12345", Actor.human(OWNER),
                        NOW))
                .expectResultMessagePayloadMatching(agent("active in the claimer's org",
                        a -> a.status() == AgentStatus.ACTIVE && ORG.equals(a.orgId())));
    }

    @Test
    void claiming_with_an_unknown_claim_token_is_not_found() {
        given(selfRegistered())
                .when(new ClaimAgent("sha256-of-a-guess", ORG, Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void claiming_an_agent_that_was_already_claimed_is_a_conflict() {
        given(selfRegistered(), new AgentClaimed(AGENT, ORG, "builder", "builds things", "ak_12345",
                Actor.human(OWNER), NOW))
                .when(new ClaimAgent(CLAIM_TOKEN_HASH, OTHER_ORG, Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_CLAIMED));
    }

    // --- RotateAgentKey / DeactivateAgent --------------------------------------------------------------------------

    @Test
    void rotating_an_agents_key_records_only_the_hash_and_prefix_of_the_new_key() {
        given(registered())
                .when(new RotateAgentKey(AGENT, ORG, "sha256-of-new-key", "ak_67890", Actor.human(OWNER)))
                .expectEvents(new AgentKeyRotated(AGENT, ORG, "sha256-of-new-key", "ak_67890", Actor.human(OWNER), NOW))
                .expectResultMessagePayloadMatching(agent("active with the new key prefix",
                        a -> a.status() == AgentStatus.ACTIVE && "ak_67890".equals(a.keyPrefix())));
    }

    @Test
    void deactivating_an_agent_makes_it_inactive() {
        given(registered())
                .when(new DeactivateAgent(AGENT, ORG, Actor.human(OWNER)))
                .expectEvents(new AgentDeactivated(AGENT, ORG, Actor.human(OWNER), NOW))
                .expectResultMessagePayloadMatching(agent("deactivated", a -> a.status() == AgentStatus.DEACTIVATED));
    }

    @Test
    void rotating_the_key_of_a_deactivated_agent_is_a_conflict() {
        given(registered(), new AgentDeactivated(AGENT, ORG, Actor.human(OWNER), NOW))
                .when(new RotateAgentKey(AGENT, ORG, "sha256-of-new-key", "ak_67890", Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(DEACTIVATED));
    }

    @Test
    void deactivating_a_deactivated_agent_is_a_conflict() {
        given(registered(), new AgentDeactivated(AGENT, ORG, Actor.human(OWNER), NOW))
                .when(new DeactivateAgent(AGENT, ORG, Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(DEACTIVATED));
    }

    @Test
    void rotating_the_key_of_an_agent_of_another_org_is_not_found() {
        given(registered())
                .when(new RotateAgentKey(AGENT, OTHER_ORG, "sha256-of-new-key", "ak_67890", Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void deactivating_an_agent_of_another_org_is_not_found() {
        given(registered())
                .when(new DeactivateAgent(AGENT, OTHER_ORG, Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_deactivated_agent_of_another_org_is_not_found_rather_than_a_conflict() {
        given(registered(), new AgentDeactivated(AGENT, ORG, Actor.human(OWNER), NOW))
                .when(new DeactivateAgent(AGENT, OTHER_ORG, Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void deactivating_an_agent_not_yet_claimed_into_any_org_is_not_found() {
        given(selfRegistered())
                .when(new DeactivateAgent(AGENT, ORG, Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- RemoveUnclaimedAgent ------------------------------------------------------------------------------------

    @Test
    void an_unclaimed_agent_is_removed_by_the_system() {
        given(selfRegistered())
                .when(new RemoveUnclaimedAgent(AGENT, Actor.SYSTEM))
                .expectEvents(new UnclaimedAgentRemoved(AGENT, Actor.SYSTEM, NOW));
    }

    @Test
    void an_agent_claimed_before_its_removal_is_not_removed() {
        given(selfRegistered(), new AgentClaimed(AGENT, ORG, "builder", "builds things", "ak_12345",
                Actor.human(OWNER), NOW))
                .when(new RemoveUnclaimedAgent(AGENT, Actor.SYSTEM))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_CLAIMED));
    }

    @Test
    void an_agent_registered_into_an_org_is_never_removed_as_unclaimed() {
        given(registered())
                .when(new RemoveUnclaimedAgent(AGENT, Actor.SYSTEM))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_CLAIMED));
    }

    @Test
    void a_removed_agent_is_gone_for_every_later_command() {
        given(selfRegistered(), new UnclaimedAgentRemoved(AGENT, Actor.SYSTEM, NOW))
                .when(new RemoveUnclaimedAgent(AGENT, Actor.SYSTEM))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void claiming_an_agent_removed_meanwhile_is_not_found() {
        given(selfRegistered(), new UnclaimedAgentRemoved(AGENT, Actor.SYSTEM, NOW))
                .when(new ClaimAgent(CLAIM_TOKEN_HASH, ORG, Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private TestExecutor<Agent> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static AgentRegistered registered() {
        return new AgentRegistered(AGENT, ORG, "builder", "builds things", "sha256-of-key", "ak_12345",
                Actor.human(OWNER), NOW);
    }

    private static AgentSelfRegistered selfRegistered() {
        return new AgentSelfRegistered(AGENT, "builder", "builds things", "sha256-of-key", "ak_12345",
                CLAIM_TOKEN_HASH, NOW);
    }

    private static Matcher<AgentState> agent(String description, Predicate<AgentState> test) {
        return resultThat(AgentState.class, description, test);
    }
}
