package io.antechamber.api.realtime;

import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ErrorWriter;
import io.antechamber.api.web.RequestPath;
import io.antechamber.events.common.RoomId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Decides a {@code GET /v1/rooms/:room/ws} handshake before the upgrade, with the same rules and the same error
 * answers as the SSE endpoint: the credential ({@code Authorization} header, or {@code ?access_token=}), access to
 * the room, {@code ?types=} and the credential's stream slots. A refusal is an ordinary HTTP response in the API's
 * error shape; an accepted handshake leaves its {@link FeedStream} in the session's attributes.
 */
@Component
public class RoomSocketHandshake implements HandshakeInterceptor {

    static final String STREAM_ATTRIBUTE = FeedStream.class.getName();

    private final AuthInterceptor auth;
    private final RoomStreamAccess access;
    private final FeedStreams streams;
    private final ErrorWriter errors;

    public RoomSocketHandshake(AuthInterceptor auth, RoomStreamAccess access, FeedStreams streams,
            ErrorWriter errors) {
        this.auth = auth;
        this.access = access;
        this.streams = streams;
        this.errors = errors;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
            WebSocketHandler handler, Map<String, Object> attributes) throws IOException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
        try {
            Caller caller = auth.authenticate(servletRequest, AuthMode.ANY);
            RoomId room = access.check(caller, roomOf(servletRequest));
            Set<String> types = StreamRequest.types(servletRequest.getParameter("types"));
            if (!"websocket".equalsIgnoreCase(servletRequest.getHeader(HttpHeaders.UPGRADE))) {
                throw new ApiException(ApiError.VALIDATION_ERROR, "this endpoint speaks WebSocket: send "
                        + "'Upgrade: websocket' (for Server-Sent Events use GET /v1/rooms/:room/events)");
            }
            FeedStream stream = streams.create(caller, room, types);
            attributes.put(STREAM_ATTRIBUTE, stream);
            servletRequest.setAttribute(STREAM_ATTRIBUTE, stream);
            return true;
        } catch (ApiException refused) {
            if (refused.retryAfter() != null) {
                servletResponse.setHeader(HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
            }
            errors.write(servletResponse, refused.error(), refused.getMessage(), refused.details());
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception failure) {
        // a handshake Spring refused after this interceptor admitted it (a bad version, say) did not switch protocols
        boolean upgraded = ((ServletServerHttpResponse) response).getServletResponse().getStatus() == 101;
        if ((failure != null || !upgraded) && ((ServletServerHttpRequest) request).getServletRequest()
                .getAttribute(STREAM_ATTRIBUTE) instanceof FeedStream stream) {
            stream.abandon();
        }
    }

    /** {@code :room} of {@code /v1/rooms/:room/ws}, as the container decoded it. */
    private static String roomOf(HttpServletRequest request) {
        String[] segments = RequestPath.of(request).split("/");
        return segments.length > 3 ? segments[3] : "";
    }
}
