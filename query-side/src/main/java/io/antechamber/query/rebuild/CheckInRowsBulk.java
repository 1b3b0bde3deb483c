package io.antechamber.query.rebuild;

import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.query.support.ViewTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The bulk rebuild of a view with one row per check-in, folded in the order events were stored: a check-in that may
 * still change is held in memory and written once, final. At most {@code maxOpen} are held; when more are, those held
 * are written as they stand, and a later event of one of them goes through the view's own (row by row) code.
 *
 * @param <R> the view's row, as its fold makes it
 */
public final class CheckInRowsBulk<R> {

    /** The view's one fold: the row after {@code event}, from the row before it (null before the first). */
    @FunctionalInterface
    public interface Fold<R> {
        R next(R row, CheckInEvent event, long sequenceNumber);
    }

    /** The view's own handling of one event, into the given tables: for check-ins no longer held. */
    @FunctionalInterface
    public interface Write {
        void write(CheckInEvent event, long sequenceNumber, ViewTables tables);
    }

    private final Predicate<CheckInEvent> starts;
    private final Fold<R> fold;
    private final Predicate<R> mayChange;
    private final Function<R, String> checkInId;
    private final Function<R, Object[]> copyRow;
    private final int maxOpen;

    public CheckInRowsBulk(Predicate<CheckInEvent> starts, Fold<R> fold, Predicate<R> mayChange,
            Function<R, String> checkInId, Function<R, Object[]> copyRow, int maxOpen) {
        this.starts = starts;
        this.fold = fold;
        this.mayChange = mayChange;
        this.checkInId = checkInId;
        this.copyRow = copyRow;
        this.maxOpen = maxOpen;
    }

    /** Rebuilds into {@code shadow} from the {@code types} events of {@code range}, rows copied by {@code copy}. */
    public void run(StoredEvents events, List<Class<?>> types, EventRange range, Shadow shadow, String copy,
            Write write) {
        Map<String, R> open = new HashMap<>();
        try (CopyRows rows = shadow.copy(copy)) {
            events.forEach(types, range, stored -> {
                CheckInEvent event = (CheckInEvent) stored.payload();
                if (starts.test(event)) {
                    if (open.size() >= maxOpen) {
                        writeAll(open, rows);
                    }
                    hold(fold.next(null, event, stored.sequenceNumber()), open, rows);
                    return;
                }
                R held = open.remove(stored.aggregateId());
                if (held != null) {
                    hold(fold.next(held, event, stored.sequenceNumber()), open, rows);
                } else {
                    rows.flush();
                    write.write(event, stored.sequenceNumber(), shadow.tables());
                }
            });
            writeAll(open, rows);
        }
    }

    private void hold(R row, Map<String, R> open, CopyRows rows) {
        if (mayChange.test(row)) {
            open.put(checkInId.apply(row), row);
        } else {
            rows.add(copyRow.apply(row));
        }
    }

    private void writeAll(Map<String, R> open, CopyRows rows) {
        open.values().forEach(row -> rows.add(copyRow.apply(row)));
        rows.flush();
        open.clear();
    }
}
