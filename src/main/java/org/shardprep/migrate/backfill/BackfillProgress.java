package org.shardprep.migrate.backfill;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * What a backfill run measured: rows filled and keys read, batches and their latency (an HdrHistogram of
 * whole batch transactions, retries included), lock retries, and the exact counts it took. Written by the
 * runner's thread, read by status and by benchmarks.
 */
public final class BackfillProgress {

    /** Batch latency percentiles in milliseconds. */
    public record Latency(double p50, double p95, double p99, double max) {}

    /** One consistent reading. */
    public record Snapshot(long filled, long scanned, long batches, long lockRetries, int waitingRetries,
                           double elapsedSeconds, Latency batchMs, long censuses) {
        public double rowsPerSecond() { return elapsedSeconds > 0 ? filled / elapsedSeconds : 0; }
    }

    private static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    private final Histogram batchLatency = new Histogram(HIGHEST, 3);
    private final long startNanos = System.nanoTime();
    private long endNanos;
    private long filled, scanned, batches, lockRetries, censuses;
    private int waitingRetries;   // retries of the batch in flight: it waits for a lock

    synchronized void batch(org.shardprep.migrate.PathFill.Result r, long nanos) {
        filled += r.filled();
        scanned += r.scanned();
        batches++;
        waitingRetries = 0;
        batchLatency.recordValue(Math.min(HIGHEST, Math.max(0, nanos / 1000)));
    }

    synchronized void lockRetry() {
        lockRetries++;
        waitingRetries++;
    }

    synchronized void census() { censuses++; }

    synchronized void end() {
        if (endNanos == 0) endNanos = System.nanoTime();
        waitingRetries = 0;
    }

    public synchronized Snapshot snapshot() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        Histogram h = batchLatency;
        Latency latency = new Latency(ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
        return new Snapshot(filled, scanned, batches, lockRetries, waitingRetries, (end - startNanos) / 1e9, latency, censuses);
    }

    private static double ms(long micros) { return micros / 1000.0; }
}
