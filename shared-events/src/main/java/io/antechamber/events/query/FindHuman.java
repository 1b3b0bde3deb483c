package io.antechamber.events.query;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;

public record FindHuman(OrgId orgId, HumanId humanId) {
}
