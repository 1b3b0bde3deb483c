package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;

/** A room of the org by its id or its slug. */
public record FindRoom(OrgId orgId, String idOrSlug) {
}
