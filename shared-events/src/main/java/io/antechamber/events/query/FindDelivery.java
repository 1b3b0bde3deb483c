package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.delivery.DeliveryId;

public record FindDelivery(OrgId orgId, DeliveryId deliveryId) {
}
