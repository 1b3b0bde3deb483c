package io.antechamber.command.watcher;

import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;

/**
 * Issues signing secrets into {@code watcher_secrets}, in the command's transaction: a secret that is returned to the
 * client is stored, and one whose command failed is not. The secret leaves only as the command's result.
 */
public interface WatcherSecrets {

    /** A new current secret for a new watcher. */
    String issue(WatcherId watcherId, Instant at);

    /** A new current secret; the current one keeps signing until {@code previousValidUntil}. */
    String rotate(WatcherId watcherId, Instant at, Instant previousValidUntil);
}
