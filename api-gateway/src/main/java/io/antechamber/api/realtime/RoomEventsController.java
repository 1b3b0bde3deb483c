package io.antechamber.api.realtime;

import io.antechamber.api.access.ActsOn;
import io.antechamber.api.access.PathResource;
import io.antechamber.api.auth.Auth;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.auth.Caller;
import io.antechamber.events.common.RoomId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/rooms/:room/events}: the room's feed as Server-Sent Events (docs/api.md "Real-time events"). */
@RestController
public class RoomEventsController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final RoomStreamAccess access;
    private final StreamRequest streamRequest;
    private final FeedStreams streams;

    public RoomEventsController(RoomStreamAccess access, StreamRequest streamRequest, FeedStreams streams) {
        this.access = access;
        this.streamRequest = streamRequest;
        this.streams = streams;
    }

    /**
     * Checks everything that can refuse the request (access, {@code types}, the resume id, the credential's stream
     * slots) before the response starts, so a refusal is an ordinary error response; then hands the response to a
     * {@link FeedStream} and returns, holding no thread. The {@code Last-Event-ID} header, which browsers send when
     * they reconnect, wins over {@code ?last_event_id=}, which only the first connection carries.
     */
    @GetMapping(path = "/v1/rooms/{room}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Auth(AuthMode.ANY)
    @ActsOn(value = PathResource.ROOM, asMember = true)
    public void events(Caller caller, @PathVariable String room,
            @RequestParam(name = "types", required = false) String types,
            @RequestParam(name = "last_event_id", required = false) String lastEventIdParameter,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        RoomId roomId = access.check(caller, room);
        Set<String> filter = StreamRequest.types(types);
        Long resumeAfter = null;
        if (lastEventIdHeader != null) {
            resumeAfter = streamRequest.resumeAfter(LAST_EVENT_ID, lastEventIdHeader);
        } else if (lastEventIdParameter != null) {
            resumeAfter = streamRequest.resumeAfter("last_event_id", lastEventIdParameter);
        }
        streams.openSse(caller, List.of(roomId), filter, resumeAfter, StreamGuard.NONE, request, response);
    }
}
