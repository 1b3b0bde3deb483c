package io.antechamber.api.resilience;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writes a load saw acknowledged (2xx), each with what it acknowledged: the states its check-in may be in from
 * then on. A decision whose answer never came (the app or its database died meanwhile) may or may not have been
 * stored, so its check-in may be in either state.
 */
final class Acknowledged {

    /** A check-in only its timeout resolves: the status that gives it, and when it falls due. */
    record Timeout(String status, Instant expiresAt) {
    }

    private final Map<String, Set<String>> checkIns = new ConcurrentHashMap<>();
    private final Map<String, Timeout> timeouts = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> messages = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger decisions = new AtomicInteger();

    void created(String checkIn) {
        checkIns.put(checkIn, Set.of("pending"));
        writes.incrementAndGet();
    }

    void decided(String checkIn, String status) {
        checkIns.put(checkIn, Set.of(status));
        writes.incrementAndGet();
        decisions.incrementAndGet();
    }

    void perhapsDecided(String checkIn, String status) {
        checkIns.put(checkIn, Set.of("pending", status));
    }

    void leftToTimeout(String checkIn, Timeout timeout) {
        timeouts.put(checkIn, timeout);
        writes.incrementAndGet();
    }

    void posted(String checkIn, String message) {
        messages.computeIfAbsent(checkIn, id -> ConcurrentHashMap.newKeySet()).add(message);
        writes.incrementAndGet();
    }

    int writes() {
        return writes.get();
    }

    int decisions() {
        return decisions.get();
    }

    int messageCount() {
        return messages.values().stream().mapToInt(Set::size).sum();
    }

    /** Every acknowledged check-in, with the states it may be in once the timeouts it was left to have passed. */
    Map<String, Set<String>> settledStates() {
        Map<String, Set<String>> states = new HashMap<>(checkIns);
        timeouts.forEach((id, timeout) -> states.put(id, Set.of(timeout.status())));
        return states;
    }

    Map<String, Timeout> timeouts() {
        return Map.copyOf(timeouts);
    }

    Map<String, Set<String>> messages() {
        return Map.copyOf(messages);
    }
}
