package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedEntry;
import io.antechamber.api.feed.FeedSubscriber;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's stream of the feed of one room (the API's room streams) or of several (a person's dashboard stream),
 * whatever its transport; {@code seq} is one sequence across rooms, so everything below holds for several as for one. Entries reach it two ways: the tailer offers live
 * ones into a bounded buffer, and a resume reads older ones from the table. The stream sends each seq once, in
 * order, by sending only entries above the last seq it sent: a resume first replays the table from the client's id,
 * then switches to the buffer, skipping what the replay already sent. Since it was registered with the tailer before
 * it read the table, nothing falls between the two.
 * <p>
 * All sending happens in {@link #pump()}, run by {@link StreamThreads}' few threads one stream at a time; the sink
 * never blocks, so no thread waits for a slow client. A client so slow that its buffer fills is disconnected
 * ({@link StreamEnd#TOO_SLOW}) rather than slowing anyone else; it resumes with its last id. During a replay a full
 * buffer only means the replay reads further in the table.
 */
public final class FeedStream implements FeedSubscriber {

    private static final Logger log = LoggerFactory.getLogger(FeedStream.class);

    private final Set<String> roomIds;
    private final Set<String> types;
    private final StreamOwner owner;
    private final StreamContext context;

    private final ArrayDeque<FeedEntry> buffer = new ArrayDeque<>();
    private boolean overflowed; // guarded by buffer
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile StreamEnd endRequested;
    private volatile long registeredAt = -1;
    private volatile long startAfter = -1;

    // touched only inside pump(), which runs on one thread at a time
    private StreamSink sink;
    private long lastSent = -1;
    private boolean live; // guarded by buffer when it changes, so offer() sees it
    private final ArrayDeque<FeedEntry> page = new ArrayDeque<>();
    private boolean ended;

    FeedStream(Set<String> roomIds, Set<String> types, StreamOwner owner, StreamContext context) {
        this.roomIds = Set.copyOf(roomIds);
        this.types = types;
        this.owner = owner;
        this.context = context;
    }

    @Override
    public Set<String> roomIds() {
        return roomIds;
    }

    StreamOwner owner() {
        return owner;
    }

    /** Registers with the tailer: from here on no entry of its rooms is missed, whenever the stream begins. */
    void open(StreamSink sink) {
        synchronized (this) {
            this.sink = sink;
        }
        context.subscribers().add(this);
        registeredAt = context.tailer().position();
    }

    /**
     * Starts sending, once: the entries after {@code resumeAfter}, or, when it is null, those after the moment the
     * stream was opened. False when it had begun already.
     */
    boolean tryBegin(Long resumeAfter) {
        if (!begun.compareAndSet(false, true)) {
            return false;
        }
        startAfter = resumeAfter != null ? resumeAfter : registeredAt;
        heartbeatDue.set(true); // a first line at once: the client sees the stream is up
        wake();
        return true;
    }

    /** Like {@link #tryBegin}, but the first pump waits for the sink's own wake-up (SSE: the first onWritePossible). */
    void beginOnFirstWake(Long resumeAfter) {
        if (begun.compareAndSet(false, true)) {
            startAfter = resumeAfter != null ? resumeAfter : registeredAt;
            heartbeatDue.set(true);
        }
    }

    /** Gives up a stream whose response could not be set up: nothing was sent, its slot is free again. */
    void abandon() {
        context.subscribers().remove(this);
        owner.slot().release();
        end(StreamEnd.CLIENT_GONE);
    }

    @Override
    public void offer(FeedEntry entry) {
        if (types != null && !types.contains(entry.type())) {
            return;
        }
        synchronized (buffer) {
            if (overflowed) {
                return;
            }
            if (buffer.size() >= context.properties().subscriberQueue()) {
                overflowed = true;
                buffer.clear();
                if (live) {
                    // even a client that cannot take a byte now is let go at once, not when it next can
                    endRequested = StreamEnd.TOO_SLOW;
                }
            } else {
                buffer.add(entry);
            }
        }
        wake();
    }

    void heartbeat() {
        if (startAfter >= 0) {
            heartbeatDue.set(true);
            wake();
        }
    }

    /** Ends the stream soon, on a sender thread. */
    void end(StreamEnd reason) {
        if (endRequested == null) {
            endRequested = reason;
        }
        wake();
    }

    /** Has a sender thread pump this stream; several wakes before it runs cost one pump. */
    void wake() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                context.threads().send(() -> {
                    scheduled.set(false);
                    pump();
                });
            } catch (RuntimeException rejected) {
                scheduled.set(false);
                finishQuietly(StreamEnd.SHUTDOWN);
            }
        }
    }

    synchronized void pump() {
        if (ended || sink == null) {
            return;
        }
        try {
            while (true) {
                StreamEnd end = endRequested;
                if (end != null) {
                    finish(end);
                    return;
                }
                if (startAfter < 0 || !sink.ready()) {
                    return;
                }
                if (heartbeatDue.getAndSet(false)) {
                    sink.heartbeat();
                    continue;
                }
                FeedEntry next = next();
                if (next != null) {
                    sink.send(next);
                } else if (endRequested == null && !sink.flush()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("feed stream of rooms {} ended: {}", roomIds, e.toString());
            finish(StreamEnd.CLIENT_GONE);
        }
    }

    /** The next entry to send, or null when there is none now (or the client must go: see endRequested). */
    private FeedEntry next() {
        if (lastSent < 0) {
            lastSent = startAfter;
        }
        while (!live) {
            FeedEntry replayed = page.poll();
            if (replayed != null) {
                lastSent = replayed.seq();
                return replayed;
            }
            int batch = context.properties().batchSize();
            List<FeedEntry> rows = context.reader().roomsAfter(roomIds, lastSent, types, batch);
            page.addAll(rows);
            if (rows.size() < batch) {
                synchronized (buffer) {
                    if (overflowed) {
                        overflowed = false; // the buffer lost entries: they are in the table, read on
                    } else {
                        live = true;
                    }
                }
                if (!live && rows.isEmpty()) {
                    continue;
                }
            }
        }
        FeedEntry replayed = page.poll();
        if (replayed != null) {
            lastSent = replayed.seq();
            return replayed;
        }
        synchronized (buffer) {
            if (overflowed) {
                endRequested = StreamEnd.TOO_SLOW;
                return null;
            }
            FeedEntry entry;
            while ((entry = buffer.poll()) != null) {
                if (entry.seq() > lastSent) {
                    lastSent = entry.seq();
                    return entry;
                }
            }
            return null;
        }
    }

    private void finish(StreamEnd reason) {
        if (ended) {
            return;
        }
        ended = true;
        context.subscribers().remove(this);
        owner.slot().release();
        synchronized (buffer) {
            buffer.clear();
        }
        page.clear();
        if (reason != StreamEnd.CLIENT_GONE) {
            log.info("closing a feed stream of rooms {}: {}", roomIds, reason.text());
        }
        sink.close(reason);
    }

    private void finishQuietly(StreamEnd reason) {
        endRequested = reason;
        synchronized (this) {
            if (!ended && sink != null) {
                finish(reason);
            }
        }
    }
}
