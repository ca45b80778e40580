package org.shardprep.workload;

/**
 * pgbench's -R pacing, anchored to the schedule rather than to the previous batch: batch k is due at
 * start + k × interval. A batch that runs late does not move the ones after it, so they start at once until the
 * load has caught up, and the lag (actual start − due time) says how far behind it was.
 */
public final class PacingSchedule {

    private final long startNanos;
    private final double intervalNanos;
    private long next;

    public PacingSchedule(long startNanos, double intervalNanos) {
        if (!(intervalNanos > 0)) throw new IllegalArgumentException("interval must be positive");
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
    }

    /** Orders per batch and time between batches for a rate: one order per batch up to 1,000/s, then larger batches. */
    public static PacingSchedule forRate(long startNanos, double ordersPerSecond, int ordersPerBatch) {
        return new PacingSchedule(startNanos, ordersPerBatch * 1e9 / ordersPerSecond);
    }

    /** The smallest batch that keeps the batches at most 1,000 a second (a sleep much shorter than 1 ms is noise). */
    public static int ordersPerBatch(double ordersPerSecond, int atLeast) {
        return Math.max(atLeast, (int) Math.ceil(ordersPerSecond / 1000.0));
    }

    /** When the next batch is due (computed from the start, so rounding never accumulates). */
    public long nextDue() {
        return startNanos + Math.round(next * intervalNanos);
    }

    /** How long to wait at {@code now} before the next batch: 0 when it is already due (catching up). */
    public long waitNanos(long now) {
        return Math.max(0, nextDue() - now);
    }

    /** Marks the next batch as started at {@code actualStart}; returns its lag behind the schedule. */
    public long start(long actualStart) {
        long lag = Math.max(0, actualStart - nextDue());
        next++;
        return lag;
    }

    public long batchesStarted() { return next; }
}
