package io.antechamber.api.checkin;

import com.zaxxer.hikari.HikariDataSource;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.query.checkin.CheckInViewProjection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * <p>
 * A connection can die without a word (a terminated backend, a dropped network path): waiting for notifications on
 * it would then wait for ever. So the connection is probed every {@code waits.listener-probe-interval}, replaced when
 * it fails, and after each (re)connect every subscriber re-reads its check-in once: a change committed while no
 * connection was listening is not lost.
 */
@Component
public class CheckInChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckInChangeListener.class);
    /** The listening session's name in {@code pg_stat_activity}, so operators (and tests) can find it. */
    public static final String APPLICATION_NAME = "antechamber-check-in-listener";
    private static final int POLL_MS = 250;
    private static final int RECONNECT_DELAY_MS = 1000;

    private final DataSource dataSource;
    private final long probeIntervalNanos;
    private final int probeTimeoutSeconds;
    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public CheckInChangeListener(DataSource dataSource, AntechamberProperties properties) {
        this.dataSource = dataSource;
        Duration probeInterval = properties.waits().listenerProbeInterval();
        this.probeIntervalNanos = probeInterval.toNanos();
        this.probeTimeoutSeconds = (int) Math.max(1, probeInterval.toSeconds());
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
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                listenOn(connection);
                leaveClean(connection);
                connection.close();
            } catch (SQLException e) {
                discard(connection);
                if (running) {
                    log.warn("lost the check-in change listener connection; reconnecting: {}", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
            statement.execute("LISTEN " + CheckInViewProjection.CHANGE_CHANNEL);
        }
        wakeAll();
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextProbe = System.nanoTime() + probeIntervalNanos;
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    notify(notification.getParameter());
                }
            }
            if (System.nanoTime() - nextProbe >= 0) {
                if (!connection.isValid(probeTimeoutSeconds)) {
                    throw new SQLException("the listening connection did not answer a probe");
                }
                nextProbe = System.nanoTime() + probeIntervalNanos;
            }
        }
    }

    /** Back to the pool after a normal stop: the connection must not keep listening or carry this session's name. */
    private static void leaveClean(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        }
    }

    /**
     * A failed connection is closed, never handed back to the pool: a statement on it could hang as long as the
     * network takes to give up, and the next borrower would get a session that still listens.
     */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.abort(Runnable::run);
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("could not discard the failed listener connection: {}", e.getMessage());
        }
    }

    /** Every subscriber re-reads its check-in, for changes whose notification no connection was there to hear. */
    private void wakeAll() {
        subscribers.keySet().forEach(this::notify);
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
