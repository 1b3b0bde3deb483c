package io.antechamber.events.watcher;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** Events of the Watcher aggregate. None carries a secret: secrets live only in the {@code watcher_secrets} table. */
public sealed interface WatcherEvent
        permits WatcherRegistered, WatcherRemoved, WatcherSecretRotated, WatcherEnabled, WatcherDisabled {

    WatcherId watcherId();

    RoomId roomId();

    OrgId orgId();
}
