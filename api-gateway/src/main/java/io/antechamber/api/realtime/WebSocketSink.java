package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedEntry;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * A WebSocket session written with the container's asynchronous sends: one text frame per entry, the next only once
 * the last has gone out, and the completion wakes the stream, so no thread waits on a slow client.
 */
final class WebSocketSink implements StreamSink {

    private static final long SEND_TIMEOUT_MS = 30_000;

    private final WebSocketSession session;
    private final RemoteEndpoint.Async remote;
    private final FeedStream stream;
    private volatile boolean sending;
    private volatile boolean closed;

    WebSocketSink(WebSocketSession session, FeedStream stream) {
        this.session = session;
        this.stream = stream;
        Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        this.remote = nativeSession.getAsyncRemote();
        this.remote.setSendTimeout(SEND_TIMEOUT_MS);
    }

    @Override
    public boolean ready() {
        return !closed && !sending && session.isOpen();
    }

    @Override
    public void send(FeedEntry entry) {
        sending = true;
        remote.sendText(entry.envelope(), result -> {
            sending = false;
            if (result.isOK()) {
                stream.wake();
            } else {
                stream.end(StreamEnd.CLIENT_GONE);
            }
        });
    }

    /** A ping, only ever sent between two messages (ready() is false while one is under way). */
    @Override
    public void heartbeat() throws IOException {
        remote.sendPing(ByteBuffer.allocate(0));
    }

    @Override
    public boolean flush() {
        return false;
    }

    @Override
    public void close(StreamEnd reason) {
        if (closed) {
            return;
        }
        closed = true;
        CloseStatus status = switch (reason) {
            case CLIENT_GONE -> CloseStatus.NORMAL;
            case TOO_SLOW -> CloseStatus.SERVICE_OVERLOAD;
            case ACCESS_REVOKED, PROTOCOL -> CloseStatus.POLICY_VIOLATION;
            case SHUTDOWN -> CloseStatus.GOING_AWAY;
        };
        try {
            if (session.isOpen()) {
                session.close(status.withReason(reason.text()));
            }
        } catch (IOException | RuntimeException e) {
            // the connection is gone already
        }
    }
}
