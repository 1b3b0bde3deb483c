package io.antechamber.events.watcher;

/**
 * A command's result that carries a newly issued signing secret to the client, once. It lives only in memory: never
 * stored, never logged ({@link #toString} leaves the secret out).
 */
public record WatcherAndSecret(WatcherState watcher, String secret) {

    @Override
    public String toString() {
        return "WatcherAndSecret[watcher=" + watcher.id() + ", secret=<hidden>]";
    }
}
