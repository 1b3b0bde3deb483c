package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedProperties;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads of every stream of this replica: {@code feed.sender-threads} that write (a write never waits for a
 * client, so a few serve any number of streams), and one timer for heartbeats, checks and resume windows.
 */
@Component
public class StreamThreads implements DisposableBean {

    private final ExecutorService senders;
    private final ScheduledExecutorService timer;

    public StreamThreads(FeedProperties properties) {
        this.senders = Executors.newFixedThreadPool(properties.senderThreads(), named("feed-sender-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(named("feed-timer-"));
    }

    void send(Runnable task) {
        senders.execute(task);
    }

    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> every(Duration interval, Runnable task) {
        return timer.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        timer.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
