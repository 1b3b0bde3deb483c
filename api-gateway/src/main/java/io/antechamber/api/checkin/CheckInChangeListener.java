package io.antechamber.api.checkin;

import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.listen.NotificationListener;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to PostgreSQL {@code NOTIFY check_in_changed}, which the check-in view sends when a row changes, and tells
 * the subscribers of that check-in. Because the notification comes from the database, a long-poll on this replica
 * wakes up whichever replica's processor updated the view. The session is probed every
 * {@code waits.listener-probe-interval} and replaced when it fails ({@link NotificationListener}); after each
 * (re)connect every subscriber re-reads its check-in once, so a change committed while no session was listening is
 * not lost.
 */
@Component
public class CheckInChangeListener implements SmartLifecycle, NotificationListener.Handler {

    private static final Logger log = LoggerFactory.getLogger(CheckInChangeListener.class);
    /** The listening session's name in {@code pg_stat_activity}, so operators (and tests) can find it. */
    public static final String APPLICATION_NAME = "antechamber-check-in-listener";
    private static final Duration WAIT = Duration.ofMillis(250);

    private final NotificationListener listener;
    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();

    public CheckInChangeListener(DataSource dataSource, AntechamberProperties properties) {
        this.listener = new NotificationListener(dataSource, APPLICATION_NAME, CheckInViewProjection.CHANGE_CHANNEL,
                WAIT, properties.waits().listenerProbeInterval(), this);
    }

    /** Calls {@code onChange} after each committed change of the check-in until the returned handle is closed. */
    public AutoCloseable subscribe(String checkInId, Runnable onChange) {
        subscribers.computeIfAbsent(checkInId, id -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> subscribers.computeIfPresent(checkInId, (id, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void start() {
        listener.start("check-in-change-listener");
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    /** Every subscriber re-reads its check-in, for changes whose notification no session was there to hear. */
    @Override
    public void listening(Connection connection) {
        subscribers.keySet().forEach(this::notify);
    }

    @Override
    public void woke(Connection connection, List<String> checkInIds) {
        checkInIds.forEach(this::notify);
    }

    private void notify(String checkInId) {
        Set<Runnable> listeners = subscribers.get(checkInId);
        if (listeners != null) {
            listeners.forEach(listener -> {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("check-in change subscriber failed", e);
                }
            });
        }
    }
}
