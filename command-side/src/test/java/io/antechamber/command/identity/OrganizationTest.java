package io.antechamber.command.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AddHuman;
import io.antechamber.events.identity.CreateOrganization;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.OrganizationCreated;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final HumanId NEWCOMER = new HumanId("hum_newcomer001");

    private FixtureConfiguration<Organization> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organization.class);
        fixture.setReportIllegalStateChange(true);
    }

    @Test
    void creating_an_organization_records_its_owner_with_only_the_hash_of_the_owners_key() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateOrganization(ORG, "Acme", OWNER, "Ada", "ada@acme.test", "sha256-of-owner-key"))
                .expectEvents(new OrganizationCreated(ORG, "Acme", OWNER, "Ada", "ada@acme.test",
                        "sha256-of-owner-key", NOW));
    }

    @Test
    void a_human_can_be_added_to_an_organization() {
        fixture.givenCurrentTime(NOW)
                .andGiven(created())
                .when(new AddHuman(ORG, NEWCOMER, "Grace", null, "sha256-of-grace-key", Actor.human(OWNER)))
                .expectEvents(new HumanAdded(ORG, NEWCOMER, "Grace", null, "sha256-of-grace-key", Actor.human(OWNER),
                        NOW));
    }

    /*
     * AddHuman is routed by its orgId, so "another org" is always the aggregate that gets loaded: the guard in
     * Organization.handle(AddHuman) cannot fail. What a caller naming an org it cannot see gets is Axon's
     * AggregateNotFoundException, which the API gateway maps to 404 NOT_FOUND (ApiExceptionHandler).
     */
    @Test
    void adding_a_human_to_an_organization_that_does_not_exist_is_not_found() {
        fixture.givenCurrentTime(NOW)
                .when(new AddHuman(OTHER_ORG, NEWCOMER, "Grace", null, "sha256-of-grace-key", Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    private static OrganizationCreated created() {
        return new OrganizationCreated(ORG, "Acme", OWNER, "Ada", null, "sha256-of-owner-key", NOW);
    }
}
