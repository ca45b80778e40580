package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.ShortLockTransaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs a key swap plan's steps that are not done yet, in order, on one connection in autocommit mode (never
 * the session's): CONCURRENTLY steps as they are, the others each in one short transaction under a short
 * lock_timeout, retried with backoff. A stop request ends the run between steps or between retries, and a
 * cancelled statement ends it within a step; either way the catalog keeps every finished step, so the next
 * run's plan starts where this one ended.
 */
public final class KeySwapRunner {

    /** What the runner tells its caller, for progress lines. */
    public interface Listener {
        default void starting(KeySwapStep step, int total) { }

        default void retrying(KeySwapStep step, int attempt, Duration pause) { }

        default void finished(KeySwapStep step, int total, Duration took, int retries) { }
    }

    /** A step that failed or was stopped; the steps before it are done. */
    public static final class StepFailure extends Exception {
        private final KeySwapStep step;
        private final boolean stopped;

        StepFailure(KeySwapStep step, boolean stopped, SQLException cause) {
            super(cause == null ? "stopped" : cause.getMessage(), cause);
            this.step = step;
            this.stopped = stopped;
        }

        public KeySwapStep step() { return step; }

        /** Stopped on request (Ctrl-C), as opposed to failed. */
        public boolean stopped() { return stopped; }

        public SQLException sqlCause() { return (SQLException) getCause(); }
    }

    /** Query cancelled (by Ctrl-C's cancel request, or our own interrupted retry pause). */
    static final String QUERY_CANCELED = "57014";

    private final ShortLockTransaction transaction;
    private final Listener listener;
    private final BooleanSupplier stopRequested;

    public KeySwapRunner(ShortLockTransaction transaction, Listener listener, BooleanSupplier stopRequested) {
        this.transaction = transaction;
        this.listener = listener;
        this.stopRequested = stopRequested;
        transaction.stopWhen(stopRequested);
    }

    /** Runs every step not done yet; returns when all of them ran. */
    public void run(Connection c, KeySwapPlan plan) throws StepFailure {
        int total = plan.steps().size();
        for (KeySwapStep step : plan.pending()) {
            if (stopRequested.getAsBoolean()) throw new StepFailure(step, true, null);
            listener.starting(step, total);
            int[] retries = {0};
            transaction.onRetry((attempt, pause, cause) -> {
                retries[0] = attempt;
                listener.retrying(step, attempt, pause);
            });
            long start = System.nanoTime();
            try {
                execute(c, step);
            } catch (SQLException e) {
                boolean stopped = QUERY_CANCELED.equals(e.getSQLState())
                        || (ShortLockTransaction.retryable(e) && stopRequested.getAsBoolean());
                throw new StepFailure(step, stopped, e);
            }
            listener.finished(step, total, Duration.ofNanos(System.nanoTime() - start), retries[0]);
        }
    }

    /** One step's SQL, the way its mode says (c in autocommit mode). */
    public void execute(Connection c, KeySwapStep step) throws SQLException {
        if (step.mode() == KeySwapStep.Mode.CONCURRENT) {
            try (Statement st = c.createStatement()) {
                for (String sql : step.statements()) st.execute(sql);
            }
            return;
        }
        transaction.run(c, conn -> {
            try (Statement st = conn.createStatement()) {
                for (String sql : step.statements()) st.execute(sql);
            }
            return null;
        });
    }
}
