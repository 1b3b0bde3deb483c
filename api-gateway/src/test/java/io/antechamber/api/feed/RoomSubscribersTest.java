package io.antechamber.api.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RoomSubscribersTest {

    /**
     * A client reconnecting to a room it was alone in: its old stream leaves while its new one joins. The new one must
     * end up registered, or the tailer never offers it an entry (and the heartbeats, which walk the registered
     * streams, skip it too). The race is narrow, so it is run many times; it can only ever fail for a real race.
     */
    @Test
    void a_subscriber_added_while_the_rooms_last_one_leaves_is_registered() throws Exception {
        RoomSubscribers subscribers = new RoomSubscribers();
        FeedSubscriber comingAndGoing = subscriber("room_a");
        FeedSubscriber joining = subscriber("room_a");
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            Future<?> churn = threads.submit(() -> {
                while (!done.get()) {
                    subscribers.add(comingAndGoing);
                    subscribers.remove(comingAndGoing);
                }
            });
            int lost = 0;
            for (int i = 0; i < 2_000_000; i++) {
                subscribers.add(joining);
                if (!subscribers.of("room_a").contains(joining)) {
                    lost++;
                }
                subscribers.remove(joining);
            }
            done.set(true);
            churn.get();

            assertThat(lost).as("subscribers added but not registered").isZero();
        } finally {
            done.set(true);
            threads.shutdownNow();
        }
    }

    private static FeedSubscriber subscriber(String room) {
        return new FeedSubscriber() {
            @Override
            public Set<String> roomIds() {
                return Set.of(room);
            }

            @Override
            public void offer(FeedEntry entry) {
            }
        };
    }
}
