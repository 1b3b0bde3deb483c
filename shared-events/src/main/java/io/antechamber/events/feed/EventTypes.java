package io.antechamber.events.feed;

import java.util.List;
import java.util.Set;

/**
 * The API's event names (API.md "Real-time events"), once: the room feed's writer names envelopes with them and
 * watchers subscribe to them.
 */
public final class EventTypes {

    public static final String CHECKIN_CREATED = "checkin.created";
    public static final String CHECKIN_APPROVED = "checkin.approved";
    public static final String CHECKIN_REJECTED = "checkin.rejected";
    public static final String CHECKIN_MODIFIED = "checkin.modified";
    public static final String CHECKIN_EXPIRED = "checkin.expired";
    public static final String CHECKIN_WITHDRAWN = "checkin.withdrawn";
    public static final String CHECKIN_CLAIMED = "checkin.claimed";
    public static final String CHECKIN_RELEASED = "checkin.released";
    public static final String CHECKIN_SUBMITTED = "checkin.submitted";
    public static final String CHECKIN_MESSAGE = "checkin.message";
    public static final String CHECKIN_HELP_REQUESTED = "checkin.help_requested";
    public static final String CHECKIN_HELPER_JOINED = "checkin.helper_joined";
    public static final String TRUST_ADJUSTED = "trust.adjusted";
    public static final String ROOM_POLICY_UPDATED = "room.policy_updated";
    public static final String SIGNAL_BROADCAST = "signal.broadcast";

    /** In the order API.md lists them. */
    public static final List<String> ALL = List.of(CHECKIN_CREATED, CHECKIN_APPROVED, CHECKIN_REJECTED,
            CHECKIN_MODIFIED, CHECKIN_EXPIRED, CHECKIN_WITHDRAWN, CHECKIN_CLAIMED, CHECKIN_RELEASED, CHECKIN_SUBMITTED,
            CHECKIN_MESSAGE, CHECKIN_HELP_REQUESTED, CHECKIN_HELPER_JOINED, TRUST_ADJUSTED, ROOM_POLICY_UPDATED,
            SIGNAL_BROADCAST);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private EventTypes() {
    }

    public static boolean isKnown(String type) {
        return KNOWN.contains(type);
    }
}
