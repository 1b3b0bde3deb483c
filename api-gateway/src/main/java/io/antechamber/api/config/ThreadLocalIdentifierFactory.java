package io.antechamber.api.config;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Message and event identifiers for Axon: random (version 4) UUIDs drawn from {@link ThreadLocalRandom}. Axon's
 * default draws them from the JVM-wide SecureRandom, whose lock every request thread then queues on several times
 * per command. These identifiers must be unique, not secret. Registered through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public class ThreadLocalIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
