package org.shardprep.command;

import java.util.concurrent.locks.LockSupport;

/**
 * The thread of a piece of background work that goes in batches (an order load, a backfill): asked to stop,
 * it finishes the batch in flight and ends, and stop() returns once it has. The work checks stopping()
 * between batches and waits with {@link #pauseNanos} so that a stop request wakes it at once.
 */
public final class BatchThread {

    private final String name;
    private volatile boolean stopping;
    private volatile Thread thread;

    public BatchThread(String name) {
        this.name = name;
    }

    public void start(Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** True once stop() was asked for. */
    public boolean stopping() { return stopping; }

    public boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Waits this long, or less when stop() is asked for meanwhile. */
    public void pauseNanos(long nanos) {
        long end = System.nanoTime() + nanos, left;
        while (!stopping && (left = end - System.nanoTime()) > 0) LockSupport.parkNanos(left);
    }

    /** Asks the work to stop and returns once it has (at once when called from the work's own thread). */
    public void stop() {
        stopping = true;
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) return;
        LockSupport.unpark(t);
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
