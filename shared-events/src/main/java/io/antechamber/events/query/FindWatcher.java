package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.watcher.WatcherId;

/** One watcher of the org, removed ones included (the caller decides what a removed one answers). */
public record FindWatcher(OrgId orgId, WatcherId watcherId) {
}
