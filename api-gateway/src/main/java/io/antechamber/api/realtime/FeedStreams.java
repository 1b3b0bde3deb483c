package io.antechamber.api.realtime;

import io.antechamber.api.auth.Caller;
import io.antechamber.command.lookup.Credential;
import io.antechamber.command.lookup.Credentials;
import io.antechamber.command.lookup.RoomDirectory;
import io.antechamber.events.common.RoomId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Opens the streams of this replica and looks after them: a heartbeat to each every {@code feed.heartbeat}; every
 * {@code feed.revalidate-interval} a check that each stream's credential is still active and its holder may still
 * act in the room, ending those that fail ({@link StreamEnd#ACCESS_REVOKED}); and at shutdown, before the web
 * server waits for open requests, the end of every stream, so clients reconnect elsewhere at once.
 */
@Component
public class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);

    private final StreamContext context;
    private final StreamSlots slots;
    private final Credentials credentials;
    private final RoomDirectory rooms;
    private volatile boolean running;

    public FeedStreams(StreamContext context, StreamSlots slots, Credentials credentials, RoomDirectory rooms) {
        this.context = context;
        this.slots = slots;
        this.credentials = credentials;
        this.rooms = rooms;
    }

    /** A stream of the room for this caller, holding one of its credential's slots (429 when it has none left). */
    FeedStream create(Caller caller, RoomId room, Set<String> types) {
        StreamOwner owner = new StreamOwner(caller.credential(), caller.actor(), slots.take(caller.credential()));
        return new FeedStream(room.value(), types, owner, context);
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

    /** One lookup per credential and room, however many streams share them. */
    void revalidate() {
        Map<String, Boolean> credentialActive = new HashMap<>();
        Map<String, Boolean> mayAct = new HashMap<>();
        for (FeedStream stream : streams()) {
            try {
                StreamOwner owner = stream.owner();
                boolean active = credentialActive.computeIfAbsent(owner.credential(), hash -> credentials
                        .findByKeyHash(hash).filter(Credential::active).filter(c -> c.orgId() != null)
                        .map(c -> c.actorId().equals(owner.actor().id())).orElse(false));
                boolean member = active && mayAct.computeIfAbsent(owner.actor() + "@" + stream.roomId(),
                        key -> rooms.mayActIn(new RoomId(stream.roomId()), owner.actor()));
                if (!member) {
                    stream.end(StreamEnd.ACCESS_REVOKED);
                }
            } catch (RuntimeException e) {
                log.warn("could not check a feed stream's access; it stays open until the next check: {}",
                        e.getMessage());
            }
        }
    }
}
