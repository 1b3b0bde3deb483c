package io.antechamber.api.feed;

/** A local subscriber of one room's feed; {@link FeedTailer} offers it each entry of the room, in seq order. */
public interface FeedSubscriber {

    String roomId();

    /** Called on the tailer's one thread for every subscriber: must never block. */
    void offer(FeedEntry entry);
}
