package io.antechamber.api.realtime;

import io.antechamber.api.web.CredentialSlots;
import io.antechamber.events.common.Actor;

/**
 * Who holds a stream: the credential it was opened with (its hash, never the key), the actor behind it, the
 * credential's slot, given back when the stream ends, and what else must hold for it to stay open.
 */
record StreamOwner(String credential, Actor actor, CredentialSlots.Slot slot, StreamGuard guard) {
}
