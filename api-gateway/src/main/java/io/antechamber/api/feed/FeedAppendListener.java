package io.antechamber.api.feed;

/**
 * Told of every entry the room feed's writer appends, inside the writer's transaction: what it does commits with the
 * entry or not at all. An exception fails the writer's batch, which is retried, so a listener must be idempotent.
 */
public interface FeedAppendListener {

    void appended(FeedEntry entry);
}
