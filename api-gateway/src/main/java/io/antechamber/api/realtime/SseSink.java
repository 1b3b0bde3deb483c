package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedEntry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An SSE response written with the Servlet API's non-blocking output: a write happens only when the container says
 * the client can take it ({@code isReady}), and the container calls back when it can again, so no thread ever waits
 * on a slow client and none is held by an idle one.
 */
final class SseSink implements StreamSink, WriteListener, AsyncListener {

    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final FeedStream stream;
    private final SseFrames frames;
    private boolean unflushed;
    private volatile boolean closed;

    SseSink(AsyncContext async, FeedStream stream, SseFrames frames) throws IOException {
        this.async = async;
        this.out = async.getResponse().getOutputStream();
        this.stream = stream;
        this.frames = frames;
    }

    /** Starts listening: the container calls {@link #onWritePossible} once the handler has returned. */
    void listen() {
        async.addListener(this);
        out.setWriteListener(this);
    }

    @Override
    public boolean ready() {
        return !closed && out.isReady();
    }

    @Override
    public void send(FeedEntry entry) throws IOException {
        out.write(frames.of(entry));
        unflushed = true;
    }

    @Override
    public void heartbeat() throws IOException {
        out.write(HEARTBEAT);
        unflushed = true;
    }

    @Override
    public boolean flush() throws IOException {
        if (!unflushed) {
            return false;
        }
        unflushed = false;
        out.flush();
        return true;
    }

    @Override
    public void close(StreamEnd reason) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // the container ended the request first (client gone)
        }
    }

    @Override
    public void onWritePossible() {
        stream.wake();
    }

    @Override
    public void onError(Throwable error) {
        stream.end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        stream.end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        stream.end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void onError(AsyncEvent event) {
        stream.end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
