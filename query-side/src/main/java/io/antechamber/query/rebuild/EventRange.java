package io.antechamber.query.rebuild;

import java.util.List;

/**
 * Positions of the event store a rebuild reads in one pass: those after {@code after} up to {@code upTo}, and the
 * {@code gaps} below them that held no committed event when an earlier pass looked (a transaction that took the
 * number may still commit it).
 */
public record EventRange(long after, long upTo, List<Long> gaps) {

    public EventRange {
        gaps = List.copyOf(gaps);
    }

    /** Every position up to {@code head}. */
    public static EventRange upTo(long head) {
        return new EventRange(0, head, List.of());
    }

    /** What the next pass reads: the positions after this range up to {@code head}, and this range's gaps. */
    public EventRange next(long head, List<Long> stillMissing) {
        return new EventRange(upTo, head, stillMissing);
    }

    /** The same, with no upper bound. */
    public EventRange rest(List<Long> stillMissing) {
        return next(Long.MAX_VALUE, stillMissing);
    }
}
