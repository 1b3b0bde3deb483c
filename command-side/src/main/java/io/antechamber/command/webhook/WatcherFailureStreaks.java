package io.antechamber.command.webhook;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import java.util.Optional;

/** Since when every attempt to a watcher has failed (no success since), or empty when the last attempt succeeded. */
public interface WatcherFailureStreaks {

    Optional<Instant> failingSince(WatcherId watcherId);
}
