package io.antechamber.command.webhook;

import java.time.Instant;

/** The time the saga decides by: the system clock in the application, the fixture's in tests. */
@FunctionalInterface
public interface DeliveryClock {

    Instant now();
}
