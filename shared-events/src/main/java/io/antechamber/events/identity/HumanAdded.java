package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code role} came with roles; events stored before carry none and read as {@link HumanRole#REVIEWER}: a human
 * added before roles existed gets the least power (fail closed), decided here once for every reader (the aggregate,
 * the lookup tables, the view and its bulk rebuild, which reads payloads as they are stored).
 */
@Revision("1")
public record HumanAdded(OrgId orgId, HumanId humanId, String name, String email, HumanRole role, String keyHash, Actor by, Instant at) implements HumanEvent {

    public HumanAdded {
        role = role == null ? HumanRole.REVIEWER : role;
    }
}
