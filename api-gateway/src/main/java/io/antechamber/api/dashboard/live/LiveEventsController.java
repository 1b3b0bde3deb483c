package io.antechamber.api.dashboard.live;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.DashboardSessions;
import io.antechamber.api.dashboard.MemberRooms;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.realtime.FeedStreams;
import io.antechamber.api.realtime.RoomStreamAccess;
import io.antechamber.api.realtime.StreamGuard;
import io.antechamber.api.realtime.StreamRequest;
import io.antechamber.events.common.RoomId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /events}: the signed-in person's live stream (docs/dashboard.md "Live updates"), the room feed the API
 * streams at {@code /v1/rooms/:room/events}, over all the rooms they are a member of, or one room they may act in
 * ({@code ?room=}). It is the API's stream, one {@code FeedStream} over several rooms: the same frames, heartbeats,
 * resume by {@code Last-Event-ID}, stream slots of the session's key, and access check every
 * {@code feed.revalidate-interval}, which here also ends the stream when the session was signed out or the person's
 * rooms changed (the browser reconnects and follows the new set).
 */
@DashboardController
public class LiveEventsController {

    private static final String LAST_EVENT_ID = "Last-Event-ID";

    private final FeedStreams streams;
    private final RoomStreamAccess access;
    private final StreamRequest streamRequest;
    private final MemberRooms memberRooms;
    private final DashboardSessions sessions;

    public LiveEventsController(FeedStreams streams, RoomStreamAccess access, StreamRequest streamRequest,
            MemberRooms memberRooms, DashboardSessions sessions) {
        this.streams = streams;
        this.access = access;
        this.streamRequest = streamRequest;
        this.memberRooms = memberRooms;
        this.sessions = sessions;
    }

    /**
     * A person in no room gets 204, which tells the browser's EventSource to stop (htmx's SSE extension tries again
     * later, with a growing delay, and finds the rooms they joined meanwhile).
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public void events(@RequestParam(name = "room", required = false) String room,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignedIn signedIn = SignedIn.of(request);
        Caller caller = signedIn.caller();
        String session = signedIn.sessionIdHash();
        List<RoomId> rooms;
        StreamGuard guard;
        if (room != null && !room.isBlank()) {
            rooms = List.of(access.check(caller, room.trim()));
            guard = () -> sessions.isOpen(session);
        } else {
            rooms = memberRoomIds(caller);
            Set<String> followed = rooms.stream().map(RoomId::value).collect(Collectors.toUnmodifiableSet());
            guard = () -> sessions.isOpen(session) && followed.equals(memberRoomIds(caller).stream()
                    .map(RoomId::value).collect(Collectors.toUnmodifiableSet()));
        }
        if (rooms.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        Long resumeAfter = lastEventId == null ? null : streamRequest.resumeAfter(LAST_EVENT_ID, lastEventId);
        streams.openSse(caller, rooms, null, resumeAfter, guard, request, response);
    }

    private List<RoomId> memberRoomIds(Caller caller) {
        return memberRooms.of(caller).stream().map(r -> new RoomId(r.id())).toList();
    }
}
