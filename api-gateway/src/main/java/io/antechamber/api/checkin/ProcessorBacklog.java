package io.antechamber.api.checkin;

import io.antechamber.api.admin.ProjectionPositions;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.command.checkin.CheckInModule;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How many stored events the processors a new check-in feeds — the check-in view and the timeout saga — have yet
 * to handle, sampled from the event and token tables (so it covers every replica) every
 * {@code admission.sample-interval}. A processor that is replaying is left out: a rebuild is not a backlog of new
 * work. So is one that has handled nothing yet (no tokens: it has never run on this database).
 */
@Component
public class ProcessorBacklog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorBacklog.class);
    private static final List<String> PROCESSORS =
            List.of(CheckInViewProjection.PROCESSING_GROUP, CheckInModule.TIMEOUT_SAGA_PROCESSOR);

    private final ProjectionPositions positions;
    private final long intervalMillis;
    private volatile long events;
    private boolean failing;
    private ScheduledExecutorService sampler;

    public ProcessorBacklog(ProjectionPositions positions, AntechamberProperties properties) {
        this.positions = positions;
        this.intervalMillis = properties.admission().sampleInterval().toMillis();
    }

    /** The largest backlog among the processors, in events, as of the last sample. */
    public long events() {
        return events;
    }

    private void sample() {
        try {
            long head = positions.head();
            long largest = 0;
            for (String processor : PROCESSORS) {
                ProjectionPositions.Position position = positions.of(processor);
                if (position.index() > 0 && !position.replaying()) {
                    largest = Math.max(largest, head - position.index());
                }
            }
            events = largest;
            if (failing) {
                log.info("sampling the processors' backlog again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Any failure is caught: an exception would end the schedule and leave the last backlog standing for ever.
            // Logged once per outage, not every sample; new check-ins are not held while the backlog is unknown.
            if (!failing) {
                log.warn("could not sample the processors' backlog, new check-ins are not held: {}", e.getMessage());
                failing = true;
            }
            events = 0;
        }
    }

    @Override
    public void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-backlog");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        sampler.shutdownNow();
        events = 0;
    }

    @Override
    public boolean isRunning() {
        return sampler != null && !sampler.isShutdown();
    }
}
