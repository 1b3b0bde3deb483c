package io.antechamber.query.watcher;

import io.antechamber.events.watcher.WatcherEvent;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.query.support.Versioned;

/** The watcher view's one fold, used by its live handler and by its rebuild: a watcher's row after one more event. */
final class WatcherViewFold {

    private WatcherViewFold() {
    }

    /** The watcher's first event makes its row; {@code row} itself if it has the event already. */
    static Versioned<WatcherState> next(Versioned<WatcherState> row, WatcherEvent event, long sequenceNumber) {
        if (row == null) {
            return new Versioned<>(WatcherState.of(event, null), sequenceNumber);
        }
        return row.next(sequenceNumber, state -> WatcherState.of(event, state));
    }
}
