package io.antechamber.command.room;

import io.antechamber.command.snapshot.SnapshottedAggregate;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the Room aggregate with Axon, snapshotted: every policy update carries the whole policy document. */
public class RoomModule implements ConfigurerModule {

    public static final int EVENTS_PER_SNAPSHOT = 50;

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(SnapshottedAggregate.every(EVENTS_PER_SNAPSHOT, Room.class));
    }
}
