package io.antechamber.api.feed.redis;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Publishes one envelope to its room's channel, {@code room:{room_id}:events}, on Redis pub/sub. */
class RedisChannelPublisher {

    private final StringRedisTemplate redis;
    private final LettuceConnectionFactory connectionFactory;

    RedisChannelPublisher(StringRedisTemplate redis, LettuceConnectionFactory connectionFactory) {
        this.redis = redis;
        this.connectionFactory = connectionFactory;
    }

    static String channel(String roomId) {
        return "room:" + roomId + ":events";
    }

    /**
     * Throws when Redis did not take the message; a message Redis took but did not confirm may still go out.
     * <p>
     * A connection that broke while idle (Redis restarted, or closed it after its {@code timeout}) gets one more try
     * on a new connection first, so that alone does not pause publishing. A timeout does not: Redis may have taken
     * the message, and trying at once would likely send it twice.
     */
    void publish(String roomId, String envelope) {
        try {
            redis.convertAndSend(channel(roomId), envelope);
        } catch (QueryTimeoutException timeout) {
            throw timeout;
        } catch (RuntimeException brokenConnection) {
            connectionFactory.resetConnection();
            redis.convertAndSend(channel(roomId), envelope);
        }
    }

    /** Drops the connection after a failure, so the next publish connects anew (the client does not reconnect). */
    void reconnectNextTime() {
        connectionFactory.resetConnection();
    }
}
