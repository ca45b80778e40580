package org.shardprep.workload;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;

/**
 * What a steady load measured: per-order latency and per-batch schedule lag in HdrHistograms (microseconds),
 * orders done and failed. Recorders give the progress lines their interval; the totals serve status and stop.
 */
final class LoadStats {

    /** Latency or lag percentiles, in milliseconds, of one histogram. */
    record Percentiles(long count, double p50, double p95, double p99, double max, double mean) {
        static Percentiles of(Histogram h) {
            return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0);
        }

        private static double ms(long micros) { return micros / 1000.0; }
    }

    /** One snapshot: orders and failures in it, its latency and lag. */
    record Snapshot(long orders, long failed, Percentiles latency, Percentiles lag) {}

    private static final long HIGHEST = TimeUnit.HOURS.toMicros(1);

    private final Recorder latency = new Recorder(HIGHEST, 3);
    private final Recorder lag = new Recorder(HIGHEST, 3);
    private final Histogram totalLatency = new Histogram(HIGHEST, 3);
    private final Histogram totalLag = new Histogram(HIGHEST, 3);
    private Histogram intervalLatency;
    private Histogram intervalLag;
    private long orders, failed, intervalOrders, intervalFailed;

    /** A batch that committed: its time is divided evenly among its orders. */
    synchronized void recordBatch(int batchOrders, long elapsedNanos, long lagNanos) {
        long perOrder = Math.min(HIGHEST, Math.max(0, elapsedNanos / batchOrders / 1000));
        long lagMicros = Math.min(HIGHEST, lagNanos / 1000);
        latency.recordValueWithCount(perOrder, batchOrders);
        totalLatency.recordValueWithCount(perOrder, batchOrders);
        lag.recordValue(lagMicros);
        totalLag.recordValue(lagMicros);
        orders += batchOrders;
        intervalOrders += batchOrders;
    }

    /** A batch that failed: its orders count as failed; its lag still says how late it started. */
    synchronized void recordFailure(int batchOrders, long lagNanos) {
        long lagMicros = Math.min(HIGHEST, lagNanos / 1000);
        lag.recordValue(lagMicros);
        totalLag.recordValue(lagMicros);
        failed += batchOrders;
        intervalFailed += batchOrders;
    }

    /** Since the previous call (for progress lines). */
    synchronized Snapshot interval() {
        intervalLatency = latency.getIntervalHistogram(intervalLatency);
        intervalLag = lag.getIntervalHistogram(intervalLag);
        Snapshot s = new Snapshot(intervalOrders, intervalFailed, Percentiles.of(intervalLatency), Percentiles.of(intervalLag));
        intervalOrders = 0;
        intervalFailed = 0;
        return s;
    }

    /** Since the start (for status and the final summary). */
    synchronized Snapshot total() {
        return new Snapshot(orders, failed, Percentiles.of(totalLatency), Percentiles.of(totalLag));
    }
}
