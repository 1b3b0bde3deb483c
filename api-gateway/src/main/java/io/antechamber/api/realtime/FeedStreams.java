package io.antechamber.api.realtime;

import io.antechamber.api.auth.Caller;
import io.antechamber.command.lookup.Credential;
import io.antechamber.command.lookup.Credentials;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.events.common.RoomId;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Opens the streams of this replica and looks after them: a heartbeat to each every {@code feed.heartbeat}; every
 * {@code feed.revalidate-interval} a check that each stream's credential is still active and its holder may still
 * act in each of its rooms and meets its {@link StreamGuard}, ending those that fail ({@link StreamEnd#ACCESS_REVOKED}); and at shutdown, before the web
 * server waits for open requests, the end of every stream, so clients reconnect elsewhere at once.
 */
@Component
public class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final StreamContext context;
    private final StreamSlots slots;
    private final Credentials credentials;
    private final RoomDirectory rooms;
    private final SseFrames frames;
    private volatile boolean running;

    public FeedStreams(StreamContext context, StreamSlots slots, Credentials credentials, RoomDirectory rooms,
            SseFrames frames) {
        this.context = context;
        this.frames = frames;
        this.slots = slots;
        this.credentials = credentials;
        this.rooms = rooms;
    }

    /** A stream of the room for this caller, holding one of its credential's slots (429 when it has none left). */
    FeedStream create(Caller caller, RoomId room, Set<String> types) {
        return create(caller, List.of(room), types, StreamGuard.NONE);
    }

    /**
     * A stream of these rooms (at least one) for this caller, which must be allowed to act in each of them and meet
     * the guard for as long as the stream lasts; holds one of its credential's slots (429 when it has none left).
     */
    FeedStream create(Caller caller, Collection<RoomId> rooms, Set<String> types, StreamGuard guard) {
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("a stream follows at least one room");
        }
        StreamOwner owner = new StreamOwner(caller.credential(), caller.actor(), slots.take(caller.credential()),
                guard);
        Set<String> ids = rooms.stream().map(RoomId::value).collect(Collectors.toUnmodifiableSet());
        return new FeedStream(ids, types, owner, context);
    }

    /**
     * Answers the request with a Server-Sent Events stream of these rooms (the API's room stream, a person's dashboard
     * stream): call it once everything that can refuse the request was checked, so a refusal is an ordinary error
     * response. It returns at once, holding no thread; {@code resumeAfter} is the id to resume after, or null to start
     * now.
     */
    public void openSse(Caller caller, Collection<RoomId> rooms, Set<String> types, Long resumeAfter,
            StreamGuard guard, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FeedStream stream = create(caller, rooms, types, guard);
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store");
            response.setHeader("X-Accel-Buffering", "no"); // a buffering reverse proxy would hold events back
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(0);
            SseSink sink = new SseSink(async, stream, frames);
            stream.open(sink);
            sink.listen();
            stream.beginOnFirstWake(resumeAfter);
        } catch (IOException | RuntimeException e) {
            stream.abandon();
            throw e;
        }
    }

    StreamThreads threads() {
        return context.threads();
    }

    @Override
    public void start() {
        running = true;
        context.threads().every(context.properties().heartbeat(), () -> streams().forEach(FeedStream::heartbeat));
        context.threads().every(context.properties().revalidateInterval(), this::revalidate);
    }

    @Override
    public void stop() {
        running = false;
        streams().forEach(stream -> stream.end(StreamEnd.SHUTDOWN));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private List<FeedStream> streams() {
        return context.subscribers().all().stream().filter(FeedStream.class::isInstance)
                .map(FeedStream.class::cast).toList();
    }

    /** One lookup per credential and room, however many streams share them; the guard of each stream. */
    void revalidate() {
        Map<String, Boolean> credentialActive = new HashMap<>();
        Map<String, Boolean> mayAct = new HashMap<>();
        for (FeedStream stream : streams()) {
            try {
                StreamOwner owner = stream.owner();
                boolean active = credentialActive.computeIfAbsent(owner.credential(), hash -> credentials
                        .findByKeyHash(hash).filter(Credential::active).filter(c -> c.orgId() != null)
                        .map(c -> c.actorId().equals(owner.actor().id())).orElse(false));
                boolean member = active && stream.roomIds().stream().allMatch(room -> mayAct.computeIfAbsent(
                        owner.actor() + "@" + room, key -> rooms.mayActIn(new RoomId(room), owner.actor())));
                if (!member || !owner.guard().holds()) {
                    stream.end(StreamEnd.ACCESS_REVOKED);
                }
            } catch (RuntimeException e) {
                log.warn("could not check a feed stream's access; it stays open until the next check: {}",
                        e.getMessage());
            }
        }
    }
}
