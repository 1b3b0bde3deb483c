package io.antechamber.api.feed;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.stereotype.Component;

/** The feed subscribers of this replica, by room (one that follows several rooms is in each room's set). */
@Component
public class RoomSubscribers {

    private final Map<String, Set<FeedSubscriber>> byRoom = new ConcurrentHashMap<>();

    /**
     * Added inside the map's atomic step: added after it, to a set that {@link #remove} was just dropping as empty,
     * the subscriber would sit in a set no longer in the map and never be offered an entry.
     */
    public void add(FeedSubscriber subscriber) {
        for (String roomId : subscriber.roomIds()) {
            byRoom.compute(roomId, (room, set) -> {
                Set<FeedSubscriber> subscribers = set == null ? new CopyOnWriteArraySet<>() : set;
                subscribers.add(subscriber);
                return subscribers;
            });
        }
    }

    public void remove(FeedSubscriber subscriber) {
        for (String roomId : subscriber.roomIds()) {
            byRoom.computeIfPresent(roomId, (room, set) -> {
                set.remove(subscriber);
                return set.isEmpty() ? null : set;
            });
        }
    }

    public Collection<FeedSubscriber> of(String roomId) {
        Set<FeedSubscriber> subscribers = byRoom.get(roomId);
        return subscribers == null ? List.of() : subscribers;
    }

    /** Every subscriber once, however many rooms it follows. */
    public List<FeedSubscriber> all() {
        return byRoom.values().stream().flatMap(Set::stream).distinct().toList();
    }

    public int count() {
        return all().size();
    }
}
