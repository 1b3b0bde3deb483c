package io.antechamber.events.checkin;

import io.antechamber.events.common.CheckInId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the timeout saga when a pending check-in reaches its expiry; resolves it by its timeout action. */
public record TimeOutCheckIn(@TargetAggregateIdentifier CheckInId checkInId) {
}
