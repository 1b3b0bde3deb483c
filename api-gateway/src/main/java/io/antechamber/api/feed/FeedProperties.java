package io.antechamber.api.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The room event feed's settings ({@code antechamber.feed.*}); every one is documented in docs/configuration.md.
 *
 * @param retention            entries older than this are deleted; never less than {@link #MIN_RETENTION} unless
 *                             {@code allowShortRetention} (tests only)
 * @param allowShortRetention  lets tests set a retention under seven days
 * @param retentionInterval    how often the retention task runs (one replica at a time)
 * @param pollInterval         how often the tailer reads the feed when no notification came: a lost NOTIFY delays
 *                             delivery by at most this long
 * @param probeInterval        how often the tailer's LISTEN connection is checked; a dead one is replaced
 * @param batchSize            rows read at once, by the tailer and by a resume
 * @param heartbeat            how often an SSE stream gets a comment line and a WebSocket a ping
 * @param subscriberQueue      entries one subscriber may have waiting; a client that falls further behind is
 *                             disconnected (it resumes with its last id)
 * @param maxStreamsPerCredential SSE and WebSocket streams one credential may hold open at once on a replica
 * @param resumeWindow         how long a new WebSocket waits for a {@code resume_from} frame before it goes live
 * @param revalidateInterval   how often every open stream's credential and room access are checked again
 * @param senderThreads        threads that write to every subscriber of this replica (writes never block)
 * @param storePollInterval    how often the feed's writer looks for events another replica stored; events this
 *                             replica stores wake it at once
 */
@ConfigurationProperties("antechamber.feed")
public record FeedProperties(
        @DefaultValue("7d") Duration retention,
        @DefaultValue("false") boolean allowShortRetention,
        @DefaultValue("1h") Duration retentionInterval,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5s") Duration probeInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int subscriberQueue,
        @DefaultValue("10") int maxStreamsPerCredential,
        @DefaultValue("2s") Duration resumeWindow,
        @DefaultValue("30s") Duration revalidateInterval,
        @DefaultValue("4") int senderThreads,
        @DefaultValue("100ms") Duration storePollInterval) {

    /** The contract's promise (API.md, issue 18): a client can resume from any id of the last seven days. */
    public static final Duration MIN_RETENTION = Duration.ofDays(7);

    public FeedProperties {
        if (!allowShortRetention && retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("antechamber.feed.retention must be at least 7 days (was "
                    + retention + ")");
        }
        if (batchSize < 1 || subscriberQueue < 1 || maxStreamsPerCredential < 1 || senderThreads < 1) {
            throw new IllegalArgumentException("antechamber.feed batch-size, subscriber-queue, "
                    + "max-streams-per-credential and sender-threads must be at least 1");
        }
    }
}
