package io.antechamber.api.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Views are projections that trail the event store by milliseconds, so a client that creates something and reads it
 * back at once can get there first. A miss is therefore retried for a short, bounded time before it becomes a 404;
 * hits are answered at once.
 */
@Component
public class ReadAfterWrite {

    static final long PATIENCE_MS = 1000;
    private static final long POLL_MS = 20;

    public <T> Optional<T> find(Supplier<Optional<T>> lookup) {
        long deadline = System.nanoTime() + PATIENCE_MS * 1_000_000;
        Optional<T> found = lookup.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = lookup.get();
        }
        return found;
    }
}
