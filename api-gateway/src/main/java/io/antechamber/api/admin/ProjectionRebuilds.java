package io.antechamber.api.admin;

import io.antechamber.api.web.ApiException;
import io.antechamber.query.rebuild.ProjectionRebuild;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a projection in bulk while its processor is stopped. The processor's tokens are reset first (its reset
 * handler clears the view, and a crash from here on leaves a replay token, so the processor would replay event by
 * event after a restart); the rebuild then writes the view as of the store's head in one transaction, holding the
 * segments' claims so no other replica starts replaying meanwhile, and finally moves every segment's token to that
 * head, with the positions below it that were not yet committed kept as gaps. The processor resumes from there. If
 * the bulk rebuild fails, the processor is started on the replay token and rebuilds the view event by event.
 */
@Component
public class ProjectionRebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Well inside the token store's 10 s claim timeout. */
    private static final long CLAIM_EXTENSION_SECONDS = 3;

    private final Map<String, ProjectionRebuild> rebuilds;
    private final EventProcessingConfiguration processing;
    private final ProjectionPositions positions;
    private final TransactionTemplate transactions;
    private final TransactionManager axonTransactions;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("projection-rebuild"));
    private final ScheduledExecutorService claims = Executors.newSingleThreadScheduledExecutor(daemon("rebuild-claims"));

    public ProjectionRebuilds(List<ProjectionRebuild> rebuilds, EventProcessingConfiguration processing,
            ProjectionPositions positions, TransactionTemplate transactions, TransactionManager axonTransactions) {
        this.rebuilds = rebuilds.stream().collect(Collectors.toMap(ProjectionRebuild::processingGroup,
                Function.identity()));
        this.processing = processing;
        this.positions = positions;
        this.transactions = transactions;
        this.axonTransactions = axonTransactions;
    }

    /** Whether this replica is rebuilding the projection right now. */
    public boolean isRunning(String name) {
        return running.contains(name);
    }

    /** Resets the processor and starts the bulk rebuild in the background. */
    public void start(String name, StreamingEventProcessor processor) {
        if (!running.add(name)) {
            throw ApiException.conflict("'" + name + "' is already being rebuilt");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            running.remove(name);
            processor.start();
            throw ApiException.conflict("cannot reset '" + name + "' while another replica processes it: "
                    + e.getMessage());
        }
        workers.execute(() -> rebuild(name, processor));
    }

    private void rebuild(String name, StreamingEventProcessor processor) {
        HeldClaims held = new HeldClaims(processing.tokenStore(name), axonTransactions, name);
        ScheduledFuture<?> keepClaims = claims.scheduleAtFixedRate(held::extend, CLAIM_EXTENSION_SECONDS,
                CLAIM_EXTENSION_SECONDS, TimeUnit.SECONDS);
        long started = System.nanoTime();
        try {
            long head = positions.head();
            GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(head, positions.missingUpTo(head));
            transactions.executeWithoutResult(status -> rebuilds.get(name).rebuild(head));
            held.moveTo(position);
            log.info("Rebuilt projection {} up to event {} in {} ms", name, head,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            log.error("Bulk rebuild of projection {} failed; its processor replays event by event instead", name, e);
        } finally {
            keepClaims.cancel(false);
            held.release();
            running.remove(name);
            processor.start();
        }
    }

    @Override
    public void close() {
        claims.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
