package io.antechamber.api.checkin;

import io.antechamber.query.checkin.CheckInViewProjection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to PostgreSQL {@code NOTIFY check_in_changed}, which the check-in view sends when a row changes, and tells
 * the subscribers of that check-in. Because the notification comes from the database, a long-poll on this replica
 * wakes up whichever replica's processor updated the view.
 */
@Component
public class CheckInChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckInChangeListener.class);
    private static final int POLL_MS = 250;
    private static final int RECONNECT_DELAY_MS = 1000;

    private final DataSource dataSource;
    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public CheckInChangeListener(DataSource dataSource) {
        this.dataSource = dataSource;
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
        running = true;
        thread = new Thread(this::listen, "check-in-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CheckInViewProjection.CHANGE_CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            notify(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("lost the check-in change listener connection; reconnecting: {}", e.getMessage());
                    sleep();
                }
            }
        }
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

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
