package io.antechamber.api.feed;

import java.util.Set;

/**
 * A local subscriber of the feed of one or more rooms; {@link FeedTailer} offers it each entry of those rooms, in seq
 * order (one sequence across all rooms).
 */
public interface FeedSubscriber {

    /** The rooms it follows; fixed for its life. */
    Set<String> roomIds();

    /** Called on the tailer's one thread for every subscriber: must never block. */
    void offer(FeedEntry entry);
}
