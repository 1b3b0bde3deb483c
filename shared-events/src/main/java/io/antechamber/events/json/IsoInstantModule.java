package io.antechamber.events.json;

import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;

/**
 * Instants as ISO-8601 text in the {@link Instant#toString()} shape, read and written without
 * {@code DateTimeFormatter}. Register after {@code JavaTimeModule}: the module registered last wins.
 */
public final class IsoInstantModule extends SimpleModule {

    public IsoInstantModule() {
        super("iso-instant");
        addSerializer(Instant.class, new IsoInstantSerializer());
        addDeserializer(Instant.class, new IsoInstantDeserializer());
    }
}
