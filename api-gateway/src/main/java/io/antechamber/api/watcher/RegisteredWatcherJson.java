package io.antechamber.api.watcher;

import io.antechamber.events.watcher.WatcherAndSecret;

/**
 * The answer to a registration: the watcher and its signing secret, shown this once (a replay under the same
 * Idempotency-Key answers {@code secret: null}, SecretFields).
 */
public record RegisteredWatcherJson(WatcherJson watcher, String secret) {

    public static RegisteredWatcherJson of(WatcherAndSecret registered) {
        return new RegisteredWatcherJson(WatcherJson.of(registered.watcher()), registered.secret());
    }

    @Override
    public String toString() {
        return "RegisteredWatcherJson[watcher=" + watcher.id() + ", secret=<hidden>]";
    }
}
