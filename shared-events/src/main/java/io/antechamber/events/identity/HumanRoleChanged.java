package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record HumanRoleChanged(OrgId orgId, HumanId humanId, HumanRole role, Actor by, Instant at) implements HumanEvent {
}
