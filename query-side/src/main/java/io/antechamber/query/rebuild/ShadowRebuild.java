package io.antechamber.query.rebuild;

import io.antechamber.query.support.ViewTables;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a view into shadow tables and swaps them in (ADR 0009) while the API keeps reading, and commands keep
 * writing, the live tables:
 * <ol>
 * <li>empty shadow tables, without indexes;</li>
 * <li>the stored events up to the head H, in bulk ({@link ViewRebuild#bulk}); the positions up to H with no
 * committed event yet are remembered;</li>
 * <li>the shadows' indexes;</li>
 * <li>catch-up passes without any lock, each through the view's own handler code ({@link ViewRebuild#apply}), over
 * the events committed since the last pass and the positions it found empty, until a pass finds few;</li>
 * <li>one transaction: the live tables locked in EXCLUSIVE mode (reads go on, writes wait), a last catch-up, then
 * ACCESS EXCLUSIVE (reads wait too), the live tables dropped and the shadows renamed to their names. A statement that
 * waited for the lock finds the new table under the name when it goes on.</li>
 * </ol>
 * Everything runs on the connection that holds the view's {@link RebuildLock}. A rebuild that fails or dies leaves
 * the live tables as they were; its shadows are dropped now or by the next rebuild.
 */
@Component
public class ShadowRebuild {

    /** Few enough events for writers to wait while they are caught up with under the lock. */
    private static final int FEW_EVENTS = 500;
    private static final int MAX_PASSES = 10;
    /** The swap gives up its locks rather than keep writers waiting behind it for long, and tries again. */
    private static final String WRITERS_LOCK_TIMEOUT = "1s";
    /**
     * Readers hold a view's tables until their query's transaction ends, and one may wait for a second table of the
     * view while the swap waits for the first: the swap gives way well before PostgreSQL's deadlock check would
     * pick either of them.
     */
    private static final String READERS_LOCK_TIMEOUT = "SELECT set_config('lock_timeout', "
            + "GREATEST(setting::bigint / 4, 1)::text, true) FROM pg_settings WHERE name = 'deadlock_timeout'";
    private static final int SWAP_ATTEMPTS = 10;
    private static final long SWAP_PAUSE_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(ShadowRebuild.class);

    /** What a rebuild did: the head its bulk pass went to, and the events it caught up with afterwards. */
    public record Result(long head, long caughtUp) {
    }

    private final DataSource pool;
    private final StoredEvents events;
    private final EventStorePositions positions;

    public ShadowRebuild(JdbcTemplate jdbc, StoredEvents events, EventStorePositions positions) {
        this.pool = Objects.requireNonNull(jdbc.getDataSource());
        this.events = events;
        this.positions = positions;
    }

    public Result run(ViewRebuild view, Connection connection) {
        SingleConnectionDataSource own = new SingleConnectionDataSource(connection, true);
        JdbcTemplate jdbc = new JdbcTemplate(own);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(own));
        ViewTables shadow = ViewTables.shadow(jdbc);
        ShadowTables tables = new ShadowTables(shadow, view.tables());
        try {
            tables.create();
            EventRange range = EventRange.upTo(positions.head());
            List<Long> missing = positions.missing(range);
            EventRange bulk = range;
            try (Shadow target = new Shadow(pool, shadow)) {
                transaction.executeWithoutResult(status -> view.bulk(bulk, target));
            }
            tables.index();
            long caughtUp = 0;
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                range = range.next(positions.head(), missing);
                missing = positions.missing(range);
                long applied = catchUp(view, range, shadow, transaction);
                caughtUp += applied;
                if (applied < FEW_EVENTS) {
                    break;
                }
            }
            return new Result(bulk.upTo(), caughtUp + swap(view, range.rest(missing), shadow, tables, transaction));
        } catch (RuntimeException e) {
            dropQuietly(tables, view);
            throw e;
        }
    }

    private long catchUp(ViewRebuild view, EventRange range, ViewTables shadow, TransactionTemplate transaction) {
        long[] applied = {0};
        transaction.executeWithoutResult(status -> events.forEach(view.eventTypes(), range, event -> {
            view.apply(event, shadow);
            applied[0]++;
        }));
        return applied[0];
    }

    /** The last catch-up and the swap, in one transaction; the events are read on the same connection. */
    private long swap(ViewRebuild view, EventRange rest, ViewTables shadow, ShadowTables tables,
            TransactionTemplate transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    JdbcTemplate jdbc = shadow.jdbc();
                    String live = String.join(", ", view.tables());
                    jdbc.execute("SET LOCAL lock_timeout = '" + WRITERS_LOCK_TIMEOUT + "'");
                    jdbc.execute("LOCK TABLE " + live + " IN EXCLUSIVE MODE");
                    List<StoredEvent> last = events.read(jdbc, view.eventTypes(), rest);
                    last.forEach(event -> view.apply(event, shadow));
                    jdbc.queryForList(READERS_LOCK_TIMEOUT, String.class);
                    jdbc.execute("LOCK TABLE " + live + " IN ACCESS EXCLUSIVE MODE");
                    tables.swap();
                    return (long) last.size();
                });
            } catch (DataAccessException e) {
                if (!SqlFailures.isLockWait(e) || attempt == SWAP_ATTEMPTS) {
                    throw e;
                }
                log.warn("Swapping in the rebuilt {} waited too long for its locks (attempt {}); trying again",
                        view.processingGroup(), attempt);
                pause(attempt);
            }
        }
    }

    /** Lets whoever held the locks finish: a little longer after each attempt. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(SWAP_PAUSE_MS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to swap in a rebuilt view", e);
        }
    }

    private static void dropQuietly(ShadowTables tables, ViewRebuild view) {
        try {
            tables.drop();
        } catch (RuntimeException e) {
            log.warn("Could not drop the shadow tables of {}; the next rebuild drops them", view.processingGroup(), e);
        }
    }
}
