package dev.trackingapi.wiring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environment's threads for work a request runs beside its own thread: an event's customer check beside
 * its write, a batch's customers beside each other (at most {@code BatchTracker.MAX_CONCURRENT_CUSTOMERS} a batch).
 * Made on demand and kept a minute when idle: a few are enough for Lambda's one request at a time, the local API gets
 * as many as it has requests in flight. Daemons, so that they never keep a JVM alive.
 */
final class BesideWrites {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "beside-writes-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private BesideWrites() {
    }

    static ExecutorService pool() {
        return POOL;
    }
}
