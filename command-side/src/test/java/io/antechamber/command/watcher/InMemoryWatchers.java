package io.antechamber.command.watcher;

import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WatcherTargets} counts and {@link WatcherSecrets} in memory, for aggregate fixtures. */
final class InMemoryWatchers implements WatcherTargets, WatcherSecrets {

    record IssuedSecret(WatcherId watcherId, String secret, Instant validUntil) {
    }

    private final Map<RoomId, Integer> registered = new HashMap<>();
    final List<IssuedSecret> issued = new ArrayList<>();

    InMemoryWatchers withRegistered(RoomId roomId, int count) {
        registered.put(roomId, count);
        return this;
    }

    @Override
    public List<ActiveWatcher> activeInRoom(RoomId roomId) {
        throw new UnsupportedOperationException("the aggregate does not match deliveries");
    }

    @Override
    public Optional<WatcherSigning> signing(WatcherId watcherId) {
        throw new UnsupportedOperationException("the aggregate does not sign deliveries");
    }

    @Override
    public int registeredInRoom(RoomId roomId) {
        return registered.getOrDefault(roomId, 0);
    }

    @Override
    public String issue(WatcherId watcherId, Instant at) {
        String secret = WatcherSecretText.generate();
        issued.add(new IssuedSecret(watcherId, secret, null));
        return secret;
    }

    @Override
    public String rotate(WatcherId watcherId, Instant at, Instant previousValidUntil) {
        for (int i = 0; i < issued.size(); i++) {
            IssuedSecret s = issued.get(i);
            if (s.watcherId().equals(watcherId) && s.validUntil() == null) {
                issued.set(i, new IssuedSecret(watcherId, s.secret(), previousValidUntil));
            }
        }
        return issue(watcherId, at);
    }
}
