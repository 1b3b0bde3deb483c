package io.antechamber.api.listen;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that LISTENs on a PostgreSQL channel on a session of its own and hands what it hears to a
 * {@link Handler}. A session can die without a word (a terminated backend, a dropped network path), and waiting for
 * notifications on it would then wait for ever; so it is probed every {@code probeInterval} and replaced when it
 * fails, and after each (re)connect the handler is told, so it can catch up on what no session was there to hear.
 */
public final class NotificationListener {

    /** What the listener does with its session. */
    public interface Handler {

        /** On a new session, right after LISTEN. */
        void listening(Connection connection) throws SQLException;

        /** After each wait: the payloads of the notifications that came, none when the wait ran out. */
        void woke(Connection connection, List<String> payloads) throws SQLException;
    }

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final DataSource dataSource;
    private final String applicationName;
    private final String channel;
    private final int waitMs;
    private final long probeIntervalNanos;
    private final int probeTimeoutSeconds;
    private final Handler handler;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param applicationName the session's name in {@code pg_stat_activity}, so operators (and tests) can find it
     * @param wait            the longest wait for a notification before the handler is woken anyway
     */
    public NotificationListener(DataSource dataSource, String applicationName, String channel, Duration wait,
            Duration probeInterval, Handler handler) {
        this.dataSource = dataSource;
        this.applicationName = applicationName;
        this.channel = channel;
        this.waitMs = (int) Math.max(1, wait.toMillis());
        this.probeIntervalNanos = probeInterval.toNanos();
        this.probeTimeoutSeconds = (int) Math.max(1, probeInterval.toSeconds());
        this.handler = handler;
    }

    public void start(String threadName) {
        running = true;
        thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

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
            } catch (SQLException | RuntimeException e) {
                DedicatedSessions.discard(dataSource, connection);
                if (running) {
                    log.warn("{} lost its connection; reconnecting: {}", applicationName, e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void listenOn(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + applicationName + "'");
            statement.execute("LISTEN " + channel);
        }
        handler.listening(connection);
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextProbe = System.nanoTime() + probeIntervalNanos;
        while (running) {
            PGNotification[] notifications = pg.getNotifications(waitMs);
            handler.woke(connection, notifications == null ? List.of()
                    : Arrays.stream(notifications).map(PGNotification::getParameter).toList());
            if (System.nanoTime() - nextProbe >= 0) {
                if (!connection.isValid(probeTimeoutSeconds)) {
                    throw new SQLException("the listening session did not answer a probe");
                }
                nextProbe = System.nanoTime() + probeIntervalNanos;
            }
        }
    }

    /** Back to the pool after a normal stop: the session must not keep listening or carry this name. */
    private static void leaveClean(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
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
