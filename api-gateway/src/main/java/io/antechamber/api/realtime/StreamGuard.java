package io.antechamber.api.realtime;

/**
 * A condition beyond its credential and rooms that a stream's holder must still meet, checked with them every
 * {@code feed.revalidate-interval}; the stream ends when it fails. The dashboard's: its session is still open (not
 * signed out) and, for a stream of all the person's rooms, they are still the same rooms.
 */
@FunctionalInterface
public interface StreamGuard {

    /** The API's streams: the credential and the rooms are all there is to check. */
    StreamGuard NONE = () -> true;

    /** Whether the stream may stay open; may query the database, never blocks for long. */
    boolean holds();
}
