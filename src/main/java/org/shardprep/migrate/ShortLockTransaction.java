package org.shardprep.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One short transaction that may only wait briefly for its locks: {@code SET LOCAL lock_timeout}, and when
 * the lock is not granted in time (SQLSTATE 55P03) the transaction is rolled back and tried again after a
 * growing pause. Waiting behind a long query in the lock queue would block every writer queued behind us, so
 * giving up quickly and retrying is what keeps the application's writes flowing (pgroll, Strong Migrations).
 */
public final class ShortLockTransaction {

    /** The work done inside the transaction; the connection is in a transaction with lock_timeout set. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** What a retry looks like to the caller (for a status line); attempt counts from 1. */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(int attempt, Duration pause, SQLException cause);
    }

    /** Lock not granted within lock_timeout. */
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Deadlock detected: also safe to retry, the transaction was rolled back. */
    public static final String DEADLOCK_DETECTED = "40P01";

    private final Duration lockTimeout;
    private final int maxAttempts;
    private final Duration firstPause;
    private final Duration maxPause;
    private RetryListener listener = (attempt, pause, cause) -> { };
    private BooleanSupplier stopRequested = () -> false;
    private boolean onCitusWorkers;

    public ShortLockTransaction(Duration lockTimeout, int maxAttempts, Duration firstPause, Duration maxPause) {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        this.lockTimeout = lockTimeout;
        this.maxAttempts = maxAttempts;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
    }

    /** The defaults for writes under load: 200 ms lock_timeout, 50 attempts, pauses 50 ms doubling to 2 s. */
    public static ShortLockTransaction forLiveWrites() {
        return forLiveWrites(Duration.ofMillis(200));
    }

    /** As {@link #forLiveWrites()} with another lock_timeout. */
    public static ShortLockTransaction forLiveWrites(Duration lockTimeout) {
        return new ShortLockTransaction(lockTimeout, 50, Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    public ShortLockTransaction onRetry(RetryListener l) {
        this.listener = l;
        return this;
    }

    /** Checked between attempts: when true, no further attempt is made and the last lock error is thrown. */
    public ShortLockTransaction stopWhen(BooleanSupplier stop) {
        this.stopRequested = stop;
        return this;
    }

    /**
     * lock_timeout on the Citus workers as well: Citus runs a distributed table's DDL on its shards in transactions
     * of its own on each worker, where a SET LOCAL reaches only through citus.propagate_set_commands. Without it a
     * key's ALTER waits for a worker's lock on a shard as long as that lock is held, holding the coordinator's lock on
     * the table meanwhile, and every write to the table waits with it.
     */
    public ShortLockTransaction onCitusWorkersToo() {
        this.onCitusWorkers = true;
        return this;
    }

    public Duration lockTimeout() { return lockTimeout; }

    /**
     * Runs the work in its own transaction on c (which must be in autocommit mode), committing at the end.
     * Lock timeouts and deadlocks are retried; any other error rolls back and is thrown. Autocommit is
     * restored either way.
     */
    public <T> T run(Connection c, Work<T> work) throws SQLException {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(c, work);
            } catch (SQLException e) {
                if (!retryable(e) || attempt >= maxAttempts || stopRequested.getAsBoolean()) throw e;
                listener.retrying(attempt, pause, e);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
            }
        }
    }

    public static boolean retryable(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK_DETECTED.equals(e.getSQLState());
    }

    private <T> T once(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                if (onCitusWorkers) st.execute("SET LOCAL citus.propagate_set_commands = 'local'");   // before the SET it is to pass on
                st.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
            }
            T result = work.run(c);
            c.commit();
            c.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                c.setAutoCommit(true);
            } catch (SQLException broken) {
                e.addSuppressed(broken);   // the connection is gone; the original error says why
            }
            throw e;
        }
    }

    private static void sleep(Duration d) throws SQLException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry", "57014", e);
        }
    }
}
