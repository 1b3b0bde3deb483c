package io.antechamber.command.watcher;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the Watcher aggregate with Axon; a watcher has few events, so it is not snapshotted. */
public class WatcherModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Watcher.class);
    }
}
