package io.antechamber.command.identity;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.command.Refusals.resultThat;
import static io.antechamber.events.common.RefusalCode.DEACTIVATED;
import static io.antechamber.events.common.RefusalCode.LAST_ADMIN;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.events.common.RefusalCode.NOT_PERMITTED;
import static io.antechamber.events.identity.HumanRole.ADMIN;
import static io.antechamber.events.identity.HumanRole.REVIEWER;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AddHuman;
import io.antechamber.events.identity.ChangeHumanRole;
import io.antechamber.events.identity.CreateOrganization;
import io.antechamber.events.identity.DeactivateHuman;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.HumanDeactivated;
import io.antechamber.events.identity.HumanKeyRotated;
import io.antechamber.events.identity.HumanRoleChanged;
import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.HumanStatus;
import io.antechamber.events.identity.OrganizationCreated;
import io.antechamber.events.identity.RotateHumanKey;
import java.time.Instant;
import java.util.function.Predicate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final HumanId NEWCOMER = new HumanId("hum_newcomer001");
    private static final HumanId REVIEWER_ID = new HumanId("hum_reviewer001");
    private static final HumanId SECOND_ADMIN = new HumanId("hum_admin000002");
    private static final Actor BY_OWNER = Actor.human(OWNER);
    private static final Actor BY_REVIEWER = Actor.human(REVIEWER_ID);
    private static final Actor BY_SECOND_ADMIN = Actor.human(SECOND_ADMIN);

    private FixtureConfiguration<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
        fixture.setReportIllegalStateChange(true);
    }

    // --- CreateOrganization ------------------------------------------------------------------------------------

    @Test
    void creating_an_organization_records_its_owner_with_only_the_hash_of_the_owners_key() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateOrganization(ORG, "Acme", OWNER, "Ada", "ada@acme.test", "sha256-of-owner-key"))
                .expectEvents(new OrganizationCreated(ORG, "Acme", OWNER, "Ada", "ada@acme.test",
                        "sha256-of-owner-key", NOW));
    }

    // --- AddHuman ----------------------------------------------------------------------------------------------

    @Test
    void the_owner_is_an_admin_and_adds_a_human_with_the_role_asked_for() {
        givenOrg()
                .when(new AddHuman(ORG, NEWCOMER, "Grace", null, ADMIN, "sha256-of-grace-key", BY_OWNER))
                .expectEvents(new HumanAdded(ORG, NEWCOMER, "Grace", null, ADMIN, "sha256-of-grace-key", BY_OWNER,
                        NOW))
                .expectResultMessagePayloadMatching(human("an active admin named Grace",
                        h -> h.id().equals(NEWCOMER) && h.name().equals("Grace") && h.isActiveAdmin()));
    }

    @Test
    void a_reviewer_may_not_add_humans() {
        givenOrg(reviewerAdded())
                .when(new AddHuman(ORG, NEWCOMER, "Mallory", null, ADMIN, "sha256-of-mallory-key", BY_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void an_agent_may_not_add_humans() {
        givenOrg()
                .when(new AddHuman(ORG, NEWCOMER, "Mallory", null, REVIEWER, "sha256-of-mallory-key",
                        Actor.agent(new AgentId("agt_builder0001"))))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void an_admin_who_was_demoted_may_no_longer_add_humans() {
        givenOrg(secondAdminAdded(), new HumanRoleChanged(ORG, SECOND_ADMIN, REVIEWER, BY_OWNER, NOW))
                .when(new AddHuman(ORG, NEWCOMER, "Mallory", null, ADMIN, "sha256-of-mallory-key", BY_SECOND_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void an_admin_who_was_removed_may_no_longer_add_humans() {
        givenOrg(secondAdminAdded(), new HumanDeactivated(ORG, SECOND_ADMIN, BY_OWNER, NOW))
                .when(new AddHuman(ORG, NEWCOMER, "Mallory", null, ADMIN, "sha256-of-mallory-key", BY_SECOND_ADMIN))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    /*
     * AddHuman is routed by its orgId, so "another org" is always the aggregate that gets loaded. What a caller naming
     * an org it cannot see gets is Axon's AggregateNotFoundException, which the API gateway maps to 404 NOT_FOUND.
     */
    @Test
    void adding_a_human_to_an_organization_that_does_not_exist_is_not_found() {
        fixture.givenCurrentTime(NOW)
                .when(new AddHuman(OTHER_ORG, NEWCOMER, "Grace", null, REVIEWER, "sha256-of-grace-key", BY_OWNER))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- ChangeHumanRole ---------------------------------------------------------------------------------------

    @Test
    void an_admin_makes_a_reviewer_an_admin() {
        givenOrg(reviewerAdded())
                .when(new ChangeHumanRole(ORG, REVIEWER_ID, ADMIN, BY_OWNER))
                .expectEvents(new HumanRoleChanged(ORG, REVIEWER_ID, ADMIN, BY_OWNER, NOW))
                .expectResultMessagePayloadMatching(human("now an admin", HumanState::isActiveAdmin));
    }

    @Test
    void an_admin_demotes_another_admin() {
        givenOrg(secondAdminAdded())
                .when(new ChangeHumanRole(ORG, OWNER, REVIEWER, BY_SECOND_ADMIN))
                .expectEvents(new HumanRoleChanged(ORG, OWNER, REVIEWER, BY_SECOND_ADMIN, NOW))
                .expectResultMessagePayloadMatching(human("the owner is a reviewer now",
                        h -> h.role() == REVIEWER && h.isActive()));
    }

    @Test
    void giving_a_human_the_role_they_already_have_changes_nothing() {
        givenOrg(reviewerAdded())
                .when(new ChangeHumanRole(ORG, REVIEWER_ID, REVIEWER, BY_OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(human("still a reviewer", h -> h.role() == REVIEWER));
    }

    @Test
    void the_last_admin_cannot_be_demoted() {
        givenOrg(reviewerAdded())
                .when(new ChangeHumanRole(ORG, OWNER, REVIEWER, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(LAST_ADMIN));
    }

    @Test
    void a_removed_admin_does_not_count_as_another_admin() {
        givenOrg(secondAdminAdded(), new HumanDeactivated(ORG, SECOND_ADMIN, BY_OWNER, NOW))
                .when(new ChangeHumanRole(ORG, OWNER, REVIEWER, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(LAST_ADMIN));
    }

    @Test
    void a_reviewer_may_not_change_roles_not_even_their_own() {
        givenOrg(reviewerAdded())
                .when(new ChangeHumanRole(ORG, REVIEWER_ID, ADMIN, BY_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void changing_the_role_of_an_unknown_human_is_not_found() {
        givenOrg()
                .when(new ChangeHumanRole(ORG, NEWCOMER, ADMIN, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void changing_the_role_of_a_removed_human_is_a_conflict() {
        givenOrg(reviewerAdded(), new HumanDeactivated(ORG, REVIEWER_ID, BY_OWNER, NOW))
                .when(new ChangeHumanRole(ORG, REVIEWER_ID, ADMIN, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(DEACTIVATED));
    }

    // --- RotateHumanKey ----------------------------------------------------------------------------------------

    @Test
    void a_reviewer_rotates_their_own_key_and_the_event_holds_only_the_new_keys_hash() {
        givenOrg(reviewerAdded())
                .when(new RotateHumanKey(ORG, REVIEWER_ID, "sha256-of-new-key", BY_REVIEWER))
                .expectEvents(new HumanKeyRotated(ORG, REVIEWER_ID, "sha256-of-new-key", BY_REVIEWER, NOW));
    }

    @Test
    void an_admin_rotates_another_humans_key() {
        givenOrg(reviewerAdded())
                .when(new RotateHumanKey(ORG, REVIEWER_ID, "sha256-of-new-key", BY_OWNER))
                .expectEvents(new HumanKeyRotated(ORG, REVIEWER_ID, "sha256-of-new-key", BY_OWNER, NOW));
    }

    @Test
    void a_reviewer_may_not_rotate_another_humans_key() {
        givenOrg(reviewerAdded())
                .when(new RotateHumanKey(ORG, OWNER, "sha256-of-stolen-key", BY_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void rotating_the_key_of_a_removed_human_is_a_conflict() {
        givenOrg(reviewerAdded(), new HumanDeactivated(ORG, REVIEWER_ID, BY_OWNER, NOW))
                .when(new RotateHumanKey(ORG, REVIEWER_ID, "sha256-of-new-key", BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(DEACTIVATED));
    }

    @Test
    void rotating_the_key_of_an_unknown_human_is_not_found() {
        givenOrg()
                .when(new RotateHumanKey(ORG, NEWCOMER, "sha256-of-new-key", BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- DeactivateHuman ---------------------------------------------------------------------------------------

    @Test
    void an_admin_removes_a_reviewer() {
        givenOrg(reviewerAdded())
                .when(new DeactivateHuman(ORG, REVIEWER_ID, BY_OWNER))
                .expectEvents(new HumanDeactivated(ORG, REVIEWER_ID, BY_OWNER, NOW))
                .expectResultMessagePayloadMatching(human("deactivated",
                        h -> h.status() == HumanStatus.DEACTIVATED));
    }

    @Test
    void an_admin_may_remove_themselves_while_another_admin_remains() {
        givenOrg(secondAdminAdded())
                .when(new DeactivateHuman(ORG, SECOND_ADMIN, BY_SECOND_ADMIN))
                .expectEvents(new HumanDeactivated(ORG, SECOND_ADMIN, BY_SECOND_ADMIN, NOW));
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        givenOrg(reviewerAdded())
                .when(new DeactivateHuman(ORG, OWNER, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(LAST_ADMIN));
    }

    /** Two admins removing each other at once: the second command sees the first's outcome on the same stream. */
    @Test
    void of_two_admins_removing_each_other_the_second_is_no_longer_permitted() {
        givenOrg(secondAdminAdded(), new HumanDeactivated(ORG, OWNER, BY_SECOND_ADMIN, NOW))
                .when(new DeactivateHuman(ORG, SECOND_ADMIN, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void removing_a_human_twice_is_a_conflict() {
        givenOrg(reviewerAdded(), new HumanDeactivated(ORG, REVIEWER_ID, BY_OWNER, NOW))
                .when(new DeactivateHuman(ORG, REVIEWER_ID, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(DEACTIVATED));
    }

    @Test
    void a_reviewer_may_not_remove_humans() {
        givenOrg(reviewerAdded())
                .when(new DeactivateHuman(ORG, OWNER, BY_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void removing_an_unknown_human_is_not_found() {
        givenOrg()
                .when(new DeactivateHuman(ORG, NEWCOMER, BY_OWNER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- before roles ------------------------------------------------------------------------------------------

    /** A HumanAdded stored before roles existed has no role: that human is a reviewer (fail closed). */
    @Test
    void a_human_added_before_roles_existed_is_a_reviewer() {
        givenOrg(new HumanAdded(ORG, REVIEWER_ID, "Old", null, null, "sha256-of-old-key", BY_OWNER, NOW))
                .when(new AddHuman(ORG, NEWCOMER, "Mallory", null, ADMIN, "sha256-of-mallory-key", BY_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private TestExecutor<Organization> givenOrg(Object... laterEvents) {
        return fixture.givenCurrentTime(NOW)
                .andGiven(new OrganizationCreated(ORG, "Acme", OWNER, "Ada", null, "sha256-of-owner-key", NOW))
                .andGiven(laterEvents);
    }

    private static HumanAdded reviewerAdded() {
        return new HumanAdded(ORG, REVIEWER_ID, "Rita", null, REVIEWER, "sha256-of-rita-key", BY_OWNER, NOW);
    }

    private static HumanAdded secondAdminAdded() {
        return new HumanAdded(ORG, SECOND_ADMIN, "Alan", null, ADMIN, "sha256-of-alan-key", BY_OWNER, NOW);
    }

    private static Matcher<HumanState> human(String description, Predicate<HumanState> test) {
        return resultThat(HumanState.class, description, test);
    }
}
