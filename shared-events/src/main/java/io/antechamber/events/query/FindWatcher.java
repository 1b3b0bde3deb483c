package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.watcher.WatcherId;

/** One watcher of the org that is not removed: a removed watcher, like another org's, is not found. */
public record FindWatcher(OrgId orgId, WatcherId watcherId) {
}
