package io.antechamber.api.realtime;

import io.antechamber.api.web.CredentialSlots;
import io.antechamber.events.common.Actor;

/**
 * Who holds a stream: the credential it was opened with (its hash, never the key), the actor behind it, and the
 * credential's slot, given back when the stream ends.
 */
record StreamOwner(String credential, Actor actor, CredentialSlots.Slot slot) {
}
