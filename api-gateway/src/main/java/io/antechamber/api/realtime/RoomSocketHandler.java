package io.antechamber.api.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.feed.FeedProperties;
import io.antechamber.api.web.ApiException;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code GET /v1/rooms/:room/ws}: the room's feed, one JSON envelope per text frame. The stream is registered with
 * the tailer as soon as the connection is up, and what arrives is held until the client's first frame, which may be
 * {@code {"resume_from": "<id>"}}, or until {@code feed.resume-window} passes without one: either way nothing is lost
 * between the handshake and the start, and nothing is sent twice. Any other frame, or a second one, closes the
 * connection with 1008.
 */
@Component
public class RoomSocketHandler extends TextWebSocketHandler {

    private static final String RESUME_FROM = "resume_from";

    private final FeedStreams streams;
    private final StreamRequest streamRequest;
    private final FeedProperties properties;
    private final ObjectMapper json;

    public RoomSocketHandler(FeedStreams streams, StreamRequest streamRequest, FeedProperties properties,
            ObjectMapper json) {
        this.streams = streams;
        this.streamRequest = streamRequest;
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        FeedStream stream = stream(session);
        stream.open(new WebSocketSink(session, stream));
        streams.threads().after(properties.resumeWindow(), () -> stream.tryBegin(null));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        FeedStream stream = stream(session);
        Long resumeAfter;
        try {
            resumeAfter = resumeFrom(message.getPayload());
        } catch (ApiException | IOException invalid) {
            refuse(session, stream, invalid.getMessage());
            return;
        }
        if (!stream.tryBegin(resumeAfter)) {
            refuse(session, stream, "resume_from is only read as the first frame, within "
                    + properties.resumeWindow().toMillis() + " ms of connecting");
        }
    }

    private Long resumeFrom(String payload) throws IOException {
        JsonNode frame = json.readTree(payload);
        if (frame == null || !frame.isObject() || frame.size() != 1 || !frame.has(RESUME_FROM)) {
            throw new IOException("the only frame a client may send is {\"resume_from\": \"<event id>\"}");
        }
        JsonNode id = frame.get(RESUME_FROM);
        if (!id.isTextual() && !id.canConvertToExactIntegral()) {
            throw new IOException("resume_from must be an event id");
        }
        return streamRequest.resumeAfter(RESUME_FROM, id.asText());
    }

    private static void refuse(WebSocketSession session, FeedStream stream, String why) throws IOException {
        stream.end(StreamEnd.PROTOCOL);
        String reason = why.length() > 120 ? why.substring(0, 120) : why;
        session.close(CloseStatus.POLICY_VIOLATION.withReason(reason));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        stream(session).end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        stream(session).end(StreamEnd.CLIENT_GONE);
    }

    private static FeedStream stream(WebSocketSession session) {
        return (FeedStream) session.getAttributes().get(RoomSocketHandshake.STREAM_ATTRIBUTE);
    }
}
