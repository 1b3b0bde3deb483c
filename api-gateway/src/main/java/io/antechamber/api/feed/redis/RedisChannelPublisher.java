package io.antechamber.api.feed.redis;

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

    /** Throws when Redis did not take the message; a message Redis took but did not confirm may still go out. */
    void publish(String roomId, String envelope) {
        redis.convertAndSend(channel(roomId), envelope);
    }

    /** Drops the connection after a failure, so the next publish connects anew (the client does not reconnect). */
    void reconnectNextTime() {
        connectionFactory.resetConnection();
    }
}
