package io.antechamber.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The two ways of offering load.
 *
 * <p><b>Closed loop</b>: N threads, each with its own keep-alive connection, send the next request as soon as the
 * previous one answered. It measures the most the service does with N clients in flight; its latencies are those of
 * a saturated service.
 *
 * <p><b>Open loop</b>: requests are due at a fixed rate whatever the service does (as real, independent clients
 * are). Each request's latency is measured from its <em>intended</em> send time, not from when a free worker got
 * round to sending it, so a stall of the service shows up in every request that should have been sent during the
 * stall (the correction for coordinated omission). The time from actual send to answer is kept apart as
 * "service time".
 *
 * <p>Both run for a warm-up (not recorded: JIT, connection set-up, caches) and then a measured window; both are
 * bounded in time and in count.
 */
final class Load {

    /** One operation against the service. Returns null when it succeeded, else a short label of what went wrong. */
    interface Op {
        String run(Worker worker) throws Exception;
    }

    /** A load thread's own state: its index (to pick a key) and its connection. */
    static final class Worker {
        final int index;
        final Http http;

        Worker(int index, Http http) {
            this.index = index;
            this.http = http;
        }
    }

    static final long HIGHEST_US = TimeUnit.SECONDS.toMicros(120);

    /** What a run measured. Latencies are in microseconds. */
    static final class Result {
        final Histogram latency = new Histogram(HIGHEST_US, 3);
        final Histogram service = new Histogram(HIGHEST_US, 3);
        final Map<String, Long> errors = new TreeMap<>();
        long ok;
        double seconds;
        long connects;
        /** Successes in warm-up and measured window alike, and the load generator's CPU over both: its cost per op. */
        long okIncludingWarmup;
        double cpuSeconds;

        synchronized void merge(Histogram lat, Histogram svc, Map<String, Long> errs, long oks, long conns) {
            latency.add(lat);
            service.add(svc);
            errs.forEach((k, v) -> errors.merge(k, v, Long::sum));
            ok += oks;
            connects += conns;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Load() {
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_US, 3);
    }

    static void record(Histogram h, long nanos) {
        h.recordValue(Math.min(HIGHEST_US, Math.max(0, nanos / 1000)));
    }

    static String errorLabel(Throwable e) {
        return e.getClass().getSimpleName();
    }

    /** N threads in a closed loop for warm-up + duration seconds; at most maxOps operations in all. */
    static Result closed(String host, int port, int connections, double warmupS, double durationS, long maxOps, Op op)
            throws InterruptedException {
        Result result = new Result();
        double cpuAtStart = processCpuSeconds();
        AtomicLong okIncludingWarmup = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupS * 1e9);
        long measureTo = measureFrom + (long) (durationS * 1e9);
        AtomicLong budget = new AtomicLong(maxOps);
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                Histogram lat = newHistogram();
                Map<String, Long> errs = new TreeMap<>();
                long oks = 0;
                try (Http http = new Http(host, port)) {
                    Worker worker = new Worker(index, http);
                    while (System.nanoTime() < measureTo && budget.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        String error = runSafely(op, worker);
                        long t1 = System.nanoTime();
                        if (error == null) {
                            okIncludingWarmup.incrementAndGet();
                        }
                        if (t1 < measureFrom || t1 > measureTo) {
                            continue;
                        }
                        if (error == null) {
                            oks++;
                            record(lat, t1 - t0);
                        } else {
                            errs.merge(error, 1L, Long::sum);
                        }
                    }
                    result.merge(lat, newHistogram(), errs, oks, http.connects());
                } finally {
                    done.countDown();
                }
            }, "closed-" + i);
            t.setDaemon(true);
            t.start();
        }
        done.await((long) (warmupS + durationS + 120), TimeUnit.SECONDS);
        result.seconds = durationS;
        result.okIncludingWarmup = okIncludingWarmup.get();
        result.cpuSeconds = processCpuSeconds() - cpuAtStart;
        return result;
    }

    /**
     * Operations due at {@code rate} per second for warm-up + duration seconds, run by a pool of {@code workers}
     * threads (each with its own connection). A due operation waits in the pool's queue when all workers are busy;
     * that wait counts in its latency.
     */
    static Result open(String host, int port, int workers, double rate, double warmupS, double durationS, Op op)
            throws InterruptedException {
        Result result = new Result();
        double cpuAtStart = processCpuSeconds();
        AtomicLong okIncludingWarmup = new AtomicLong();
        List<Http> connections = Collections.synchronizedList(new ArrayList<>());
        Map<Thread, Histogram[]> histograms = new ConcurrentHashMap<>();
        Map<String, Long> errs = new ConcurrentHashMap<>();
        AtomicLong oks = new AtomicLong();
        AtomicInteger nextIndex = new AtomicInteger();
        ThreadLocal<Worker> workerOfThread = ThreadLocal.withInitial(() -> {
            Http http = new Http(host, port);
            connections.add(http);
            return new Worker(nextIndex.getAndIncrement(), http);
        });
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "open-worker");
                    t.setDaemon(true);
                    return t;
                });
        pool.prestartAllCoreThreads();
        long periodNs = (long) (1e9 / rate);
        long total = (long) ((warmupS + durationS) * rate);
        long start = System.nanoTime() + 10_000_000;
        long measureFrom = start + (long) (warmupS * 1e9);
        long measureTo = measureFrom + (long) (durationS * 1e9);
        for (long i = 0; i < total; i++) {
            long intended = start + i * periodNs;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.execute(() -> {
                Worker worker = workerOfThread.get();
                long sent = System.nanoTime();
                String error = runSafely(op, worker);
                long end = System.nanoTime();
                if (error == null) {
                    okIncludingWarmup.incrementAndGet();
                }
                if (intended < measureFrom) {
                    return;
                }
                if (error == null) {
                    Histogram[] h = histograms.computeIfAbsent(Thread.currentThread(),
                            t -> new Histogram[] {newHistogram(), newHistogram()});
                    record(h[0], end - intended);
                    record(h[1], end - sent);
                    oks.incrementAndGet();
                } else {
                    errs.merge(error, 1L, Long::sum);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            errs.merge("unfinished_at_end", (long) pool.getQueue().size(), Long::sum);
        }
        for (Histogram[] h : histograms.values()) {
            result.merge(h[0], h[1], Map.of(), 0, 0);
        }
        long conns = 0;
        synchronized (connections) {
            for (Http http : connections) {
                conns += http.connects();
                http.close();
            }
        }
        result.merge(newHistogram(), newHistogram(), errs, oks.get(), conns);
        result.seconds = durationS;
        result.okIncludingWarmup = okIncludingWarmup.get();
        result.cpuSeconds = processCpuSeconds() - cpuAtStart;
        return result;
    }

    /** This JVM's CPU time (every thread, the probes' beside a load too), in seconds. */
    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static String runSafely(Op op, Worker worker) {
        try {
            return op.run(worker);
        } catch (Exception e) {
            return errorLabel(e);
        }
    }
}
