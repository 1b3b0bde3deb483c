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
import io.antechamber.events.feed.EventTypes;
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
            Map.entry(CheckInCreated.class, EventTypes.CHECKIN_CREATED),
            Map.entry(TaskPosted.class, EventTypes.CHECKIN_CREATED),
            Map.entry(CheckInApproved.class, EventTypes.CHECKIN_APPROVED),
            Map.entry(TaskApproved.class, EventTypes.CHECKIN_APPROVED),
            Map.entry(CheckInRejected.class, EventTypes.CHECKIN_REJECTED),
            Map.entry(TaskRejected.class, EventTypes.CHECKIN_REJECTED),
            Map.entry(CheckInModified.class, EventTypes.CHECKIN_MODIFIED),
            Map.entry(TaskModified.class, EventTypes.CHECKIN_MODIFIED),
            Map.entry(CheckInExpired.class, EventTypes.CHECKIN_EXPIRED),
            Map.entry(CheckInWithdrawn.class, EventTypes.CHECKIN_WITHDRAWN),
            Map.entry(TaskClaimed.class, EventTypes.CHECKIN_CLAIMED),
            Map.entry(TaskReleased.class, EventTypes.CHECKIN_RELEASED),
            Map.entry(ResultSubmitted.class, EventTypes.CHECKIN_SUBMITTED),
            Map.entry(MessagePosted.class, EventTypes.CHECKIN_MESSAGE),
            Map.entry(HelpRequested.class, EventTypes.CHECKIN_HELP_REQUESTED),
            Map.entry(HelperJoined.class, EventTypes.CHECKIN_HELPER_JOINED),
            Map.entry(TrustAdjusted.class, EventTypes.TRUST_ADJUSTED),
            Map.entry(PolicyUpdated.class, EventTypes.ROOM_POLICY_UPDATED),
            Map.entry(SignalBroadcast.class, EventTypes.SIGNAL_BROADCAST));

    /** Every event name, sorted; each names at least one domain event (checked at class load). */
    public static final Set<String> ALL = new TreeSet<>(EventTypes.ALL);

    static {
        if (!ALL.equals(new TreeSet<>(BY_EVENT.values()))) {
            throw new IllegalStateException("event names without a domain event, or the reverse: " + ALL + " vs "
                    + new TreeSet<>(BY_EVENT.values()));
        }
    }

    private EventNames() {
    }

    /** The name a client sees for this domain event, or empty when clients are not told of it. */
    public static Optional<String> of(Object event) {
        return Optional.ofNullable(BY_EVENT.get(event.getClass()));
    }
}
