package io.antechamber.events.watcher;

import com.fasterxml.jackson.annotation.JsonValue;
import io.antechamber.events.common.WireEnums;

/** {@code removed} watchers are kept (their deliveries and log stay readable) but never answered by the API. */
public enum WatcherStatus {
    ACTIVE, DISABLED, REMOVED;

    @JsonValue
    public String wire() {
        return WireEnums.wire(this);
    }
}
