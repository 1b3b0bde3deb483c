package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The new key's SHA-256 hash only; the plain key is shown once to the caller and never stored. */
@Revision("1")
public record HumanKeyRotated(OrgId orgId, HumanId humanId, String keyHash, Actor by, Instant at) implements HumanEvent {
}
