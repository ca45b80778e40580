package org.shardprep.workload;

import org.shardprep.command.BatchThread;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A steady order load beside the prompt, paced as pgbench -R: small batches due on a fixed schedule, each on a
 * connection borrowed from the background pool, latency and lag measured, failures counted and the load going
 * on. Progress lines and the first error of each kind go to {@code notice}.
 */
public final class OrderLoad {

    /** What the load was asked to do; {@code writes} applies to the client mode. */
    public record Plan(OrderMode mode, OrderWrites writes, OrderRate rate, Duration limit, double progressSeconds) {}

    private final DataSource pool;
    private final Plan plan;
    private final Consumer<String> notice;
    private final Runnable finished;
    private final LoadStats stats = new LoadStats();
    private final FailureKinds failures = new FailureKinds();
    private final int ordersPerBatch;
    private OrderPath path;
    private final BatchThread thread = new BatchThread("shardprep-order-load");
    private ScheduledExecutorService progress;
    private volatile long startNanos;
    private volatile long endNanos;
    private long lastProgressNanos;

    /** @param finished called once when the load has ended, by itself or by stop() */
    public OrderLoad(DataSource pool, Plan plan, Consumer<String> notice, Runnable finished) {
        this.pool = pool;
        this.plan = plan;
        this.notice = notice;
        this.finished = finished;
        // the function sends every third order of a call to store 5: a server batch of 3 keeps that skew
        this.ordersPerBatch = PacingSchedule.ordersPerBatch(plan.rate().perSecond(), plan.mode() == OrderMode.SERVER ? 3 : 1);
    }

    public Plan plan() { return plan; }

    /** Reads what the client generator needs (so a missing table fails here, as one line), then starts. */
    public void start() throws SQLException {
        try (Connection c = pool.getConnection()) {
            path = OrderPath.open(plan.mode(), plan.writes(), c, Math.max(100, ordersPerBatch * 10));
        }
        startNanos = System.nanoTime();
        lastProgressNanos = startNanos;
        thread.start(this::run);
        if (plan.progressSeconds() > 0) {
            progress = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "shardprep-order-load-progress");
                t.setDaemon(true);
                return t;
            });
            long every = Math.round(plan.progressSeconds() * 1e9);
            progress.scheduleAtFixedRate(this::reportProgress, every, every, TimeUnit.NANOSECONDS);
        }
    }

    private void run() {
        PacingSchedule schedule = PacingSchedule.forRate(startNanos, plan.rate().perSecond(), ordersPerBatch);
        long deadline = plan.limit() == null ? Long.MAX_VALUE : startNanos + plan.limit().toNanos();
        try {
            while (!thread.stopping() && schedule.nextDue() < deadline) {
                thread.pauseNanos(schedule.waitNanos(System.nanoTime()));
                if (thread.stopping()) break;
                long begin = System.nanoTime();
                long lag = schedule.start(begin);
                try (Connection c = pool.getConnection()) {
                    path.create(c, ordersPerBatch);
                    stats.recordBatch(ordersPerBatch, System.nanoTime() - begin, lag);
                } catch (SQLException | RuntimeException e) {
                    stats.recordFailure(ordersPerBatch, lag);
                    String first = failures.record(e, ordersPerBatch);
                    if (first != null) {
                        notice.accept("simulate-orders: an order batch failed: " + first
                                + "; the load goes on (failures of this kind are counted, not shown again)");
                    }
                }
            }
        } finally {
            endNanos = System.nanoTime();
            if (progress != null) progress.shutdownNow();
            if (!thread.stopping()) {
                notice.accept("simulate-orders: finished after " + seconds() + " s: " + oneLine(stats.total()));
            }
            finished.run();
        }
    }

    /** Finishes the batch in flight and returns once the load has ended. */
    public void stop() {
        thread.stop();
    }

    public boolean running() { return thread.alive(); }

    public LoadStats.Snapshot total() { return stats.total(); }

    public java.util.Map<String, FailureKinds.Kind> failures() { return failures.snapshot(); }

    /** Seconds since the start, up to the end once it has ended. */
    public String seconds() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return String.format(Locale.ROOT, "%.1f", (end - startNanos) / 1e9);
    }

    public double elapsedSeconds() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return (end - startNanos) / 1e9;
    }

    private void reportProgress() {
        long now = System.nanoTime();
        double interval = (now - lastProgressNanos) / 1e9;
        lastProgressNanos = now;
        LoadStats.Snapshot s = stats.interval();
        LoadStats.Percentiles l = s.latency();
        notice.accept(String.format(Locale.ROOT,
                "progress: %.1f s, %.1f orders/s (target %.1f), lat %.1f ms p50, %.1f p95, %.1f p99, %.1f max, lag %.1f ms, %d failed",
                (now - startNanos) / 1e9, interval > 0 ? s.orders() / interval : 0, plan.rate().perSecond(),
                l.p50(), l.p95(), l.p99(), l.max(), s.lag().mean(), s.failed()));
    }

    static String oneLine(LoadStats.Snapshot s) {
        LoadStats.Percentiles l = s.latency();
        return String.format(Locale.ROOT, "%d orders, %d failed, lat %.1f ms p50, %.1f p95, %.1f p99, %.1f max, lag %.1f ms",
                s.orders(), s.failed(), l.p50(), l.p95(), l.p99(), l.max(), s.lag().mean());
    }
}
