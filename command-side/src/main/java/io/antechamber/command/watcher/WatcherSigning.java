package io.antechamber.command.watcher;

import io.antechamber.events.watcher.WatcherStatus;
import java.util.List;

/**
 * What the delivery sender needs to send one delivery: where, whether the watcher still takes deliveries, and the
 * secrets that sign now, newest first (the current one, then any rotated-out one still in its overlap). Each secret is
 * the full {@code whsec_<base64>} string; the HMAC key is the base64-decoded part. Never log one.
 */
public record WatcherSigning(String url, WatcherStatus status, List<String> secrets) {

    @Override
    public String toString() {
        return "WatcherSigning[url=" + url + ", status=" + status + ", secrets=" + secrets.size() + "]";
    }
}
