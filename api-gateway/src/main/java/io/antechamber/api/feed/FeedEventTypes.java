package io.antechamber.api.feed;

import java.util.Set;

/** The event names of API.md "Real-time events": the {@code type} of every feed entry is one of them. */
public final class FeedEventTypes {

    public static final Set<String> ALL = Set.of("checkin.created", "checkin.approved", "checkin.rejected",
            "checkin.modified", "checkin.expired", "checkin.withdrawn", "checkin.claimed", "checkin.released",
            "checkin.submitted", "checkin.message", "checkin.help_requested", "checkin.helper_joined",
            "trust.adjusted", "room.policy_updated", "signal.broadcast");

    private FeedEventTypes() {
    }
}
