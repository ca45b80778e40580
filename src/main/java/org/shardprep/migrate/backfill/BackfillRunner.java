package org.shardprep.migrate.backfill;

import org.shardprep.migrate.PathFill;
import org.shardprep.migrate.QuietWrites;
import org.shardprep.migrate.ShortLockTransaction;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.BatchThread;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * A backfill in the background, on one pooled connection of its own: keyset batches ({@link PathFill}) over the
 * table's {@link org.shardprep.migrate.Keyset},
 * each its own short transaction ({@link ShortLockTransaction}: a lock held elsewhere makes the batch give
 * way and retry, never queue), following the table's tail while the application inserts. When the tail is
 * quiet an exact {@link NullCensus} decides: nothing fillable left is the end; otherwise the keyset goes
 * back to the first fillable row (a row committed late behind the position, or one inserted meanwhile).
 * The census is spaced out so that a table still receiving NULL rows is not counted over and over.
 */
public final class BackfillRunner {

    public enum State { RUNNING, STOPPED, DONE, FAILED }

    /**
     * @param batchSize keys per batch
     * @param pause     rest between full batches (throttling)
     * @param tailWait  rest at the end of the table before looking for new rows again
     * @param lockTimeout how long a batch may wait for a lock before it gives way and retries
     */
    public record Options(int batchSize, Duration pause, Duration tailWait, Duration lockTimeout) {
        public static Options of(int batchSize, Duration pause) {
            return new Options(batchSize, pause, Duration.ofMillis(500), Duration.ofMillis(200));
        }
    }

    /** Lines for the user (above the prompt), and the end of the run. */
    public interface Listener {
        void notice(String line);

        void ended(BackfillRunner runner);
    }

    /** Everything status needs, read at one moment. */
    public record Status(State state, BackfillTarget target, KeyPosition position, BackfillProgress.Snapshot progress,
                         NullCensus atStart, NullCensus last, Object startMaxKey, String endMessage) {}

    /** A batch that has retried this often for a lock is shown once (it keeps retrying until stopped). */
    static final int RETRIES_SHOWN_AT = 10;

    private final Connection connection;   // owned: holds the BackfillLock until the end
    private final BackfillTarget target;
    private final Options options;
    private final NullCensus atStart;
    private final Object startMaxKey;
    private final Listener listener;
    private final PathFill fill;
    private final boolean quiet;
    private final ShortLockTransaction transaction;
    private final BackfillProgress progress = new BackfillProgress();
    private volatile KeyPosition position;
    private volatile State state = State.RUNNING;
    private final BatchThread thread = new BatchThread("shardprep-backfill");
    private volatile NullCensus lastCensus;
    private volatile String endMessage;

    /**
     * @param connection a connection of its own, holding the {@link BackfillLock} of the target (the runner
     *                   releases it and closes the connection when it ends)
     * @param quiet      keep the table's triggers from firing in each batch (session_replication_role = replica)
     */
    public BackfillRunner(Connection connection, BackfillTarget target, Options options, KeyPosition start,
                          NullCensus atStart, Object startMaxKey, boolean quiet, Listener listener) {
        this.connection = connection;
        this.target = target;
        this.options = options;
        this.position = start;
        this.atStart = atStart;
        this.startMaxKey = startMaxKey;
        this.listener = listener;
        this.fill = target.fill();
        this.quiet = quiet;
        this.transaction = new ShortLockTransaction(options.lockTimeout(), Integer.MAX_VALUE, Duration.ofMillis(50),
                Duration.ofSeconds(2))
                .stopWhen(thread::stopping)
                .onRetry((attempt, pause, cause) -> {
                    progress.lockRetry();
                    if (attempt == RETRIES_SHOWN_AT) {
                        listener.notice("backfill of " + target.label() + ": a batch has given way to a lock held elsewhere "
                                + attempt + " times (" + CommandErrors.oneLine(cause) + "); it keeps retrying, backfill stop ends it");
                    }
                });
    }

    public void start() {
        thread.start(this::run);
    }

    /** Ends after the batch in flight (which commits whole, or rolls back whole if it was waiting for a lock). */
    public void stop() {
        thread.stop();
    }

    public boolean running() { return state == State.RUNNING; }

    public BackfillTarget target() { return target; }

    public KeyPosition position() { return position; }

    public BackfillProgress.Snapshot progress() { return progress.snapshot(); }

    public Status status() {
        return new Status(state, target, position, progress.snapshot(), atStart, lastCensus, startMaxKey, endMessage);
    }

    private void run() {
        try {
            walk();
        } catch (SQLException | RuntimeException e) {
            endMessage = "backfill of " + target.label() + " failed: " + CommandErrors.oneLine(e) + "; " + rows(progress.snapshot().filled())
                    + " filled before (each batch commits whole); backfill start resumes at " + position.describe(target.keyName());
            state = State.FAILED;
        } finally {
            progress.end();
            try {
                BackfillLock.release(connection, target);
            } catch (SQLException ignored) {
                // the connection is gone, and its session lock with it
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // back to the pool or gone: nothing to do either way
            }
            if (state == State.RUNNING) {
                endMessage = "backfill of " + target.label() + " stopped after " + rows(progress.snapshot().filled())
                        + " filled; backfill start resumes at " + position.describe(target.keyName());
                state = State.STOPPED;
            }
            listener.ended(this);
        }
    }

    private void walk() throws SQLException {
        long nextCensus = 0;
        while (!thread.stopping()) {
            long begin = System.nanoTime();
            KeyPosition from = position;
            PathFill.Result r;
            try {
                // one statement a batch; only the column changes: no trigger of the user's fires (QuietWrites)
                r = transaction.run(connection, c -> {
                    if (quiet) QuietWrites.apply(c);
                    return fill.run(c, from.key(), from.inclusive(), options.batchSize());
                });
            } catch (SQLException e) {
                if (thread.stopping() && ShortLockTransaction.retryable(e)) return;   // stopped while giving way: that batch rolled back
                throw e;
            }
            progress.batch(r, System.nanoTime() - begin);
            if (r.lastKey() != null) position = KeyPosition.after(r.lastKey());
            if (r.scanned() == options.batchSize()) {
                rest(options.pause());
                continue;
            }
            // the end of the table, as far as committed rows go: new rows may still come (the application inserts)
            if (r.filled() > 0 || System.nanoTime() < nextCensus) {
                rest(longer(options.tailWait(), options.pause()));
                continue;
            }
            NullCensus census;
            try {
                census = transaction.run(connection, c -> NullCensus.take(c, target));
            } catch (SQLException e) {
                if (thread.stopping() && ShortLockTransaction.retryable(e)) return;
                throw e;
            }
            progress.census();
            lastCensus = census;
            nextCensus = System.nanoTime() + Math.max(2 * options.tailWait().toNanos(), 10 * census.nanos());
            if (census.fillable() == 0) {
                finish(census);
                return;
            }
            position = KeyPosition.from(census.firstFillable());
        }
    }

    private void finish(NullCensus census) throws SQLException {
        BackfillProgress.Snapshot s = progress.snapshot();
        String left = census.nulls() == 0
                ? "no " + target.columnName() + " is NULL (exact count)"
                : "left NULL: " + transaction.run(connection, c -> UnmatchedRows.describe(c, target, census.unmatched()));
        endMessage = String.format(Locale.ROOT, "backfill of %s done: %s filled in %.1f s (%,.0f rows/s); %s",
                target.label(), rows(s.filled()), s.elapsedSeconds(), s.rowsPerSecond(), left);
        state = State.DONE;
    }

    /** Waits for d, or until stop() is asked for. */
    private void rest(Duration d) {
        thread.pauseNanos(d.toNanos());
    }

    private static Duration longer(Duration a, Duration b) { return a.compareTo(b) >= 0 ? a : b; }

    static String rows(long n) { return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "row" : "rows"); }

}
