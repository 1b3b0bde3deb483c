package io.antechamber.api.scaleout;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write→read pairs counted per endpoint: how many, how many of their reads were stale and what a stale read
 * answered, and the journeys that stopped early (a write not answered as expected, or a request that failed).
 */
final class PairTally {

    private static final int EXAMPLES_PER_ENDPOINT = 3;
    private static final int FAILURES_SHOWN = 10;

    private final List<String> endpoints;
    private final Map<String, AtomicInteger> pairs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> stale = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> staleExamples = new ConcurrentHashMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    PairTally(List<String> endpoints) {
        this.endpoints = endpoints;
        for (String endpoint : endpoints) {
            pairs.put(endpoint, new AtomicInteger());
            stale.put(endpoint, new AtomicInteger());
            staleExamples.put(endpoint, new ConcurrentLinkedQueue<>());
        }
    }

    /** One pair: {@code staleness} is null when every read reflected the write, else what the reads showed. */
    void record(String endpoint, String staleness) {
        AtomicInteger count = pairs.get(endpoint);
        if (count == null) {
            throw new IllegalArgumentException(endpoint + " is not one of the endpoints this tally counts");
        }
        count.incrementAndGet();
        if (staleness != null) {
            stale.get(endpoint).incrementAndGet();
            Queue<String> examples = staleExamples.get(endpoint);
            if (examples.size() < EXAMPLES_PER_ENDPOINT) {
                examples.add(staleness);
            }
        }
    }

    void failed(String what) {
        failures.add(what);
    }

    int pairs(String endpoint) {
        return pairs.get(endpoint).get();
    }

    int totalPairs() {
        return pairs.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int totalStale() {
        return stale.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int failures() {
        return failures.size();
    }

    /** One line per endpoint, then what the stale reads answered and why journeys stopped. */
    String report() {
        StringBuilder report = new StringBuilder();
        for (String endpoint : endpoints) {
            report.append(String.format("%n  %-45s %5d pairs, %d stale", endpoint, pairs(endpoint),
                    stale.get(endpoint).get()));
            staleExamples.get(endpoint).forEach(example -> report.append("\n      stale: ").append(example));
        }
        if (!failures.isEmpty()) {
            report.append(String.format("%n  %d journeys stopped early, e.g.:", failures.size()));
            failures.stream().limit(FAILURES_SHOWN).forEach(f -> report.append("\n      ").append(f));
        }
        return report.toString();
    }
}
