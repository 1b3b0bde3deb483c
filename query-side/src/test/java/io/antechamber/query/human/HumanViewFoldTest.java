package io.antechamber.query.human;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.HumanDeactivated;
import io.antechamber.events.identity.HumanKeyRotated;
import io.antechamber.events.identity.HumanRole;
import io.antechamber.events.identity.HumanRoleChanged;
import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.HumanStatus;
import io.antechamber.events.identity.OrganizationCreated;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.query.support.Versioned;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given these events of one org's stream, these rows of the human view: one per human the events are about. */
class HumanViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final HumanId REVIEWER = new HumanId("hum_review00001");

    @Test
    void the_owner_and_a_reviewer_each_get_a_row_versioned_by_the_orgs_stream() {
        Map<HumanId, Versioned<HumanState>> rows = fold(
                new OrganizationCreated(ORG, "Acme", OWNER, "Olga", "olga@acme.test", "hash0", T0),
                new HumanAdded(ORG, REVIEWER, "Rui", "rui@acme.test", HumanRole.REVIEWER, "hash1", Actor.human(OWNER),
                        T0.plusSeconds(1)),
                new HumanRoleChanged(ORG, REVIEWER, HumanRole.ADMIN, Actor.human(OWNER), T0.plusSeconds(2)),
                new HumanKeyRotated(ORG, OWNER, "hash2", Actor.human(OWNER), T0.plusSeconds(3)),
                new HumanDeactivated(ORG, REVIEWER, Actor.human(OWNER), T0.plusSeconds(4)));

        assertThat(rows.get(OWNER)).isEqualTo(new Versioned<>(new HumanState(OWNER, ORG, "Olga", "olga@acme.test",
                HumanRole.ADMIN, HumanStatus.ACTIVE, T0, T0.plusSeconds(3)), 3));
        assertThat(rows.get(REVIEWER)).isEqualTo(new Versioned<>(new HumanState(REVIEWER, ORG, "Rui", "rui@acme.test",
                HumanRole.ADMIN, HumanStatus.DEACTIVATED, T0.plusSeconds(1), T0.plusSeconds(4)), 4));
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        Versioned<HumanState> row = fold(
                new OrganizationCreated(ORG, "Acme", OWNER, "Olga", null, "hash0", T0),
                new HumanKeyRotated(ORG, OWNER, "hash2", Actor.human(OWNER), T0.plusSeconds(1))).get(OWNER);

        assertThat(HumanViewFold.next(row, new HumanDeactivated(ORG, OWNER, Actor.SYSTEM, T0), 1)).isSameAs(row);
    }

    private static Map<HumanId, Versioned<HumanState>> fold(OrganizationEvent... events) {
        Map<HumanId, Versioned<HumanState>> rows = new LinkedHashMap<>();
        for (int i = 0; i < events.length; i++) {
            int sequenceNumber = i;
            OrganizationEvent event = events[i];
            rows.compute(HumanState.humanOf(event), (id, row) -> HumanViewFold.next(row, event, sequenceNumber));
        }
        return rows;
    }
}
