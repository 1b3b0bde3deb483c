package io.antechamber.events.query;

import io.antechamber.events.common.CheckInId;

/** One page of a check-in's stored events, oldest first; the caller has already been shown the check-in. */
public record FindCheckInHistory(CheckInId checkInId, PageRequest page) {
}
