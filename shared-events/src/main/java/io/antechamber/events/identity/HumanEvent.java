package io.antechamber.events.identity;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;

/** An Organization event about one human who joined after the owner. Key material only as a SHA-256 hash. */
public sealed interface HumanEvent extends OrganizationEvent permits HumanAdded, HumanRoleChanged, HumanKeyRotated, HumanDeactivated {

    OrgId orgId();

    HumanId humanId();
}
