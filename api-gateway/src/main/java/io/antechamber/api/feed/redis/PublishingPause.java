package io.antechamber.api.feed.redis;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether publishing to Redis is paused, and how long to wait before the next try. It logs the change of state only:
 * one line when publishing pauses, one when it resumes, however many tries fail in between. The line names the
 * address (host and port), never credentials.
 */
class PublishingPause {

    private static final Logger log = LoggerFactory.getLogger(PublishingPause.class);
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final String address;
    private boolean paused;
    private Duration nextWait = FIRST_WAIT;

    PublishingPause(String address) {
        this.address = address;
    }

    /** A publish failed; returns how long to wait before trying again. */
    Duration failed(RuntimeException cause, long position) {
        if (!paused) {
            paused = true;
            log.warn("Publishing room events to Redis at {} is paused at feed position {}: {}; retrying with backoff,"
                    + " and events committed meanwhile are published when Redis is back", address, position,
                    describe(cause));
        }
        Duration wait = nextWait;
        nextWait = nextWait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : nextWait.multipliedBy(2);
        return wait;
    }

    /** A publish succeeded after {@code position}. */
    void succeeded(long position) {
        if (paused) {
            paused = false;
            log.info("Publishing room events to Redis at {} resumed at feed position {}", address, position);
        }
        nextWait = FIRST_WAIT;
    }

    String address() {
        return address;
    }

    /** The innermost cause says what went wrong ("Connection refused"); the wrappers only say where. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
