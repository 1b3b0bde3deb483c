package io.antechamber.api.admin;

import io.antechamber.api.web.ApiException;
import io.antechamber.query.rebuild.RebuildLock;
import io.antechamber.query.rebuild.ShadowRebuild;
import io.antechamber.query.rebuild.ViewRebuild;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs view rebuilds ({@link ShadowRebuild}) in the background, one after another so that they never hold more than
 * a few of the pool's connections. A view's rebuild lock is taken when it is asked for, so a second request for the
 * same view, on any replica, is refused while the first is queued or running.
 */
@Component
public class ProjectionRebuilds implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final RebuildLock locks;
    private final ShadowRebuild shadowRebuild;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(RebuildLock locks, ShadowRebuild shadowRebuild) {
        this.locks = locks;
        this.shadowRebuild = shadowRebuild;
    }

    public void start(ViewRebuild view) {
        String name = view.processingGroup();
        RebuildLock.Held held = locks.tryAcquire(name)
                .orElseThrow(() -> ApiException.conflict("'" + name + "' is already being rebuilt"));
        try {
            worker.execute(new Queued(view, held));
        } catch (RejectedExecutionException e) {
            held.close();
            throw e;
        }
    }

    /** Gives back the locks of rebuilds still queued; a running one ends with its connection. */
    @Override
    public void close() {
        worker.shutdownNow().forEach(queued -> ((Queued) queued).held().close());
    }

    private final class Queued implements Runnable {

        private final ViewRebuild view;
        private final RebuildLock.Held held;

        Queued(ViewRebuild view, RebuildLock.Held held) {
            this.view = view;
            this.held = held;
        }

        RebuildLock.Held held() {
            return held;
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            try (held) {
                ShadowRebuild.Result result = shadowRebuild.run(view, held.connection());
                log.info("Rebuilt projection {} up to event {} and caught up with {} events since, in {} ms",
                        view.processingGroup(), result.head(), result.caughtUp(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } catch (RuntimeException e) {
                log.error("Rebuild of projection {} failed; the view is as it was", view.processingGroup(), e);
            }
        }
    }
}
