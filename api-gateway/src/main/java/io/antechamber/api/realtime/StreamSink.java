package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedEntry;
import java.io.IOException;

/**
 * How a {@link FeedStream} reaches its client: SSE or WebSocket. No method blocks: a sink that cannot take more now
 * says so with {@link #ready()} and calls {@link FeedStream#wake()} when it can.
 */
interface StreamSink {

    /** Whether a frame can be written now without waiting for the client. */
    boolean ready();

    void send(FeedEntry entry) throws IOException;

    void heartbeat() throws IOException;

    /** Pushes what was written out to the client; false when there was nothing to push. */
    boolean flush() throws IOException;

    /** Ends the stream for this reason; called once, and also when the client is already gone. */
    void close(StreamEnd reason);
}
