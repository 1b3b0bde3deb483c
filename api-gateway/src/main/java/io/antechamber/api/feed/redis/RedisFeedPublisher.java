package io.antechamber.api.feed.redis;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes every room feed entry to Redis ({@code room:{room_id}:events}), from one replica of the cluster at a time:
 * a {@link FeedFollower}, which stores the position of the last entry Redis took.
 * <p>
 * Redis pub/sub cannot make a publish and the stored position one step: an entry Redis took just before the replica
 * died, or whose confirmation was lost, is published again by the next publisher (at least once). While Redis is
 * down the publisher keeps its place and retries with backoff, then catches up from the stored position.
 */
public class RedisFeedPublisher implements SmartLifecycle, FeedFollower.Handler {

    private static final Logger log = LoggerFactory.getLogger(RedisFeedPublisher.class);
    /** The session's name in {@code pg_stat_activity}, so operators (and tests) can see which replica publishes. */
    public static final String APPLICATION_NAME = "antechamber-redis-publisher";
    /** Advisory lock key of the publisher: "redispub" in ASCII, unlikely to collide with another user's key. */
    static final long LOCK_KEY = 0x7265646973707562L;
    static final String CURSOR_NAME = "redis";

    private final RedisChannelPublisher redis;
    private final PublishingPause pause;
    private final FeedFollower follower;

    RedisFeedPublisher(DataSource dataSource, RedisChannelPublisher redis, PublishingPause pause) {
        this.redis = redis;
        this.pause = pause;
        this.follower = new FeedFollower(dataSource,
                new FeedFollower.Identity("redis-feed-publisher", LOCK_KEY, CURSOR_NAME, APPLICATION_NAME), this);
    }

    /** Whether this replica is the one that publishes. */
    public boolean isPublisher() {
        return follower.isFollowing();
    }

    @Override
    public void start() {
        follower.start();
    }

    /** Lets a publish under way finish, so stopping does not read as Redis failing. */
    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    @Override
    public void tookOver(long position) {
        log.info("This replica publishes room events to Redis at {}, from feed position {}", pause.address(),
                position);
    }

    /**
     * Publishes in order and returns the seq of the last entry Redis took; at the first failure it waits out the
     * backoff and returns, so the caller stores what went out and reads the rest again.
     */
    @Override
    public long handle(List<FeedReader.Entry> batch, long position) {
        long published = position;
        for (FeedReader.Entry entry : batch) {
            if (!follower.isRunning()) {
                return published;
            }
            try {
                redis.publish(entry.roomId(), entry.envelope());
            } catch (RuntimeException e) {
                if (!follower.isRunning()) {
                    return published;
                }
                Duration wait = pause.failed(e, published);
                redis.reconnectNextTime();
                follower.sleep(wait);
                return published;
            }
            pause.succeeded(published);
            published = entry.seq();
        }
        return published;
    }
}
