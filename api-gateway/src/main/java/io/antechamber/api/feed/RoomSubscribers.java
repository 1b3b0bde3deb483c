package io.antechamber.api.feed;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;

/** The feed subscribers of this replica, by room. */
@Component
public class RoomSubscribers {

    private final Map<String, Set<FeedSubscriber>> byRoom = new ConcurrentHashMap<>();

    /**
     * Added inside the map's atomic step: added after it, to a set that {@link #remove} was just dropping as empty,
     * the subscriber would sit in a set no longer in the map and never be offered an entry.
     */
    public void add(FeedSubscriber subscriber) {
        byRoom.compute(subscriber.roomId(), (room, set) -> {
            Set<FeedSubscriber> subscribers = set == null ? new CopyOnWriteArraySet<>() : set;
            subscribers.add(subscriber);
            return subscribers;
        });
    }

    public void remove(FeedSubscriber subscriber) {
        byRoom.computeIfPresent(subscriber.roomId(), (room, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    public Collection<FeedSubscriber> of(String roomId) {
        Set<FeedSubscriber> subscribers = byRoom.get(roomId);
        return subscribers == null ? List.of() : subscribers;
    }

    public List<FeedSubscriber> all() {
        return byRoom.values().stream().flatMap(Set::stream).toList();
    }

    public int count() {
        return byRoom.values().stream().mapToInt(Set::size).sum();
    }
}
