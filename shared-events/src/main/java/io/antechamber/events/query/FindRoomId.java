package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;

/** Only the id of the org's room with this slug: the hot paths need no more. */
public record FindRoomId(OrgId orgId, String slug) {
}
