package io.antechamber.api.support;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Redis pub/sub client (Lettuce) subscribed to every room's channel, {@code room:*:events}, keeping what
 * arrives per channel in arrival order. It does not reconnect: a subscriber that lost its server is done, as a
 * pub/sub subscriber misses what was published meanwhile anyway.
 */
public final class RedisSubscriber implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    /** A message and when it arrived. */
    public record Message(String text, Instant at) {
    }

    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();

    private RedisSubscriber(RedisClient client, StatefulRedisPubSubConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
    }

    public static RedisSubscriber toEveryRoom(RedisServer server) {
        RedisURI.Builder uri = RedisURI.builder().withHost("127.0.0.1").withPort(server.port());
        if (server.password() != null) {
            uri.withPassword(server.password().toCharArray());
        }
        RedisClient client = RedisClient.create(uri.build());
        client.setOptions(ClientOptions.builder().autoReconnect(false).build());
        StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
        RedisSubscriber subscriber = new RedisSubscriber(client, connection);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                subscriber.messages.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                        .add(new Message(message, Instant.now()));
            }
        });
        connection.sync().psubscribe("room:*:events");
        return subscriber;
    }

    /** The messages received on {@code room:{roomId}:events}, in the order they arrived. */
    public List<String> received(String roomId) {
        return arrivals(roomId).stream().map(Message::text).toList();
    }

    /** The messages received on {@code room:{roomId}:events} with their arrival times, in arrival order. */
    public List<Message> arrivals(String roomId) {
        return List.copyOf(messages.getOrDefault("room:" + roomId + ":events", List.of()));
    }

    /** Every message received on any room's channel. */
    public List<String> receivedOnEveryChannel() {
        return messages.values().stream().flatMap(List::stream).map(Message::text).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown();
        }
    }
}
