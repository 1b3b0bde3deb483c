package io.antechamber.api.checkin;

import io.antechamber.api.admin.ProjectionPositions;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.command.checkin.CheckInModule;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How many stored events the processors a new check-in feeds — the check-in view and the timeout saga — have yet
 * to handle, read from the event and token tables (so it covers every replica). It is read when asked and at most
 * once per {@code admission.sample-interval}, by whichever caller finds it stale; the others take the last value,
 * so an idle replica reads nothing. A processor that is replaying is left out (a rebuild is not a backlog of new
 * work), and so is one that has handled nothing yet (no tokens: it has never run on this database).
 */
@Component
public class ProcessorBacklog {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBacklog.class);
    private static final List<String> PROCESSORS =
            List.of(CheckInViewProjection.PROCESSING_GROUP, CheckInModule.TIMEOUT_SAGA_PROCESSOR);

    private final ProjectionPositions positions;
    private final long intervalNanos;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile long events;
    private volatile long sampledAt;
    private volatile boolean failing;

    public ProcessorBacklog(ProjectionPositions positions, AntechamberProperties properties) {
        this.positions = positions;
        this.intervalNanos = properties.admission().sampleInterval().toNanos();
        this.sampledAt = System.nanoTime() - intervalNanos;
    }

    /** The largest backlog among the processors, in events, no older than one sample interval (unless a read is on). */
    public long events() {
        if (System.nanoTime() - sampledAt >= intervalNanos && sampling.compareAndSet(false, true)) {
            try {
                events = sample();
                sampledAt = System.nanoTime();
            } finally {
                sampling.set(false);
            }
        }
        return events;
    }

    private long sample() {
        try {
            long head = positions.head();
            long largest = 0;
            for (String processor : PROCESSORS) {
                ProjectionPositions.Position position = positions.of(processor);
                if (position.index() > 0 && !position.replaying()) {
                    largest = Math.max(largest, head - position.index());
                }
            }
            if (failing) {
                log.info("reading the processors' backlog again");
                failing = false;
            }
            return largest;
        } catch (RuntimeException e) {
            // logged once per outage; new check-ins are not held while the backlog is unknown
            if (!failing) {
                log.warn("could not read the processors' backlog, new check-ins are not held: {}", e.getMessage());
                failing = true;
            }
            return 0;
        }
    }
}
