package io.antechamber.command.watcher;

import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import java.util.List;
import java.util.Optional;

/**
 * Watchers as the command side and the delivery side see them, from the {@code watcher_targets} lookup and
 * {@code watcher_secrets}, both written in the transaction that stores the watcher's events: a watcher registered,
 * disabled or removed is seen so by the next reader.
 */
public interface WatcherTargets {

    /** The room's active watchers, oldest first. */
    List<ActiveWatcher> activeInRoom(RoomId roomId);

    /** A watcher's url, status and the secrets valid now, newest first; empty if there is no such watcher. */
    Optional<WatcherSigning> signing(WatcherId watcherId);

    /** How many watchers the room has that are not removed (active or disabled): what the per-room cap counts. */
    int registeredInRoom(RoomId roomId);
}
