package io.antechamber.api.feed;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskRejected;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.trust.TrustAdjusted;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event names of API.md's "Real-time events", and which domain event each one announces. A task is a check-in
 * whose direction is human_to_agent, so its posting and its review share the check-in names.
 */
public final class EventNames {

    private static final Map<Class<?>, String> BY_EVENT = Map.ofEntries(
            Map.entry(CheckInCreated.class, "checkin.created"),
            Map.entry(TaskPosted.class, "checkin.created"),
            Map.entry(CheckInApproved.class, "checkin.approved"),
            Map.entry(TaskApproved.class, "checkin.approved"),
            Map.entry(CheckInRejected.class, "checkin.rejected"),
            Map.entry(TaskRejected.class, "checkin.rejected"),
            Map.entry(CheckInModified.class, "checkin.modified"),
            Map.entry(TaskModified.class, "checkin.modified"),
            Map.entry(CheckInExpired.class, "checkin.expired"),
            Map.entry(CheckInWithdrawn.class, "checkin.withdrawn"),
            Map.entry(TaskClaimed.class, "checkin.claimed"),
            Map.entry(TaskReleased.class, "checkin.released"),
            Map.entry(ResultSubmitted.class, "checkin.submitted"),
            Map.entry(MessagePosted.class, "checkin.message"),
            Map.entry(HelpRequested.class, "checkin.help_requested"),
            Map.entry(HelperJoined.class, "checkin.helper_joined"),
            Map.entry(TrustAdjusted.class, "trust.adjusted"),
            Map.entry(PolicyUpdated.class, "room.policy_updated"),
            Map.entry(SignalBroadcast.class, "signal.broadcast"));

    /** Every event name, sorted. */
    public static final Set<String> ALL = new TreeSet<>(BY_EVENT.values());

    private EventNames() {
    }

    /** The name a client sees for this domain event, or empty when clients are not told of it. */
    public static Optional<String> of(Object event) {
        return Optional.ofNullable(BY_EVENT.get(event.getClass()));
    }
}
