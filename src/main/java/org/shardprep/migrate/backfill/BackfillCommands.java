package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ShortLockTransaction;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * backfill start|stop|install-function: the exercise's "Add distribution key and backfill missing values"
 * as a background keyset backfill beside the prompt (of any table, along a path of foreign keys: {@link BackfillTarget}),
 * or the exercise's own backfill_batch function.
 */
@Command(name = "backfill", description = "Add the distribution column and fill it in the background, in short batches")
public class BackfillCommands {

    /**
     * Keys per batch. One batch of the exercise's line items fills 10,000 rows in about 60 ms on two cores
     * (6 µs a row): row locks are held that long at most, each commit's cost is spread over many rows, and
     * the 4 M rows take some 400 batches. Larger batches add little speed and hold locks longer.
     */
    static final int DEFAULT_BATCH = 10_000;
    static final int MAX_BATCH = 1_000_000;

    private final CommandContext session;
    private final Backfills backfills;

    public BackfillCommands(CommandContext session, Backfills backfills) {
        this.session = session;
        this.backfills = backfills;
    }

    @Command(name = "start", description = "Add the distribution column if missing and fill it in keyset batches in the background")
    public void start(
            @Option(names = "--table", description = "table to fill (default line_items, from orders on order_id); any table, "
                    + "with a primary key of any columns or none, partitioned or not") String table,
            @Option(names = "--column", description = "column to add and fill, copied from the --from table (default store_id)") String column,
            @Option(names = "--from", description = "table the values come from (default orders); with --table and no --on, "
                    + "reached along the shortest path of foreign keys, and without it the nearest table with the column") String from,
            @Option(names = "--on", description = "one join instead of the foreign keys' path: a column a foreign key of --table to --from holds "
                    + "(default order_id), or both sides spelled, TABLE_COLUMN=FROM_COLUMN, unique in --from") String on,
            @Option(names = "--batch", defaultValue = "" + DEFAULT_BATCH, description = "rows per batch, each its own short transaction") int batch,
            @Option(names = "--pause-ms", defaultValue = "0", description = "pause between batches, to go easier on the server") long pauseMs) {
        if (batch < 1 || batch > MAX_BATCH) throw new CommandError("--batch must be between 1 and " + String.format(Locale.ROOT, "%,d", MAX_BATCH));
        if (pauseMs < 0) throw new CommandError("--pause-ms must be 0 or more");
        BackfillRunner running = backfills.current();
        if (running != null) {
            throw new CommandError("a backfill is already running (" + running.target().label() + "); backfill stop ends it");
        }
        BackfillSpec spec = BackfillSpec.orExercise(table, column, from, on);
        session.clearInterrupt();
        BackfillStart.Prepared ready = prepare(spec);
        BackfillTarget target = ready.target();
        if (ready.columnAdded()) session.info("Added column " + target.columnName() + " " + target.columnType() + " to " + target.tableName() + ".");
        if (ready.census().nulls() == 0) {
            release(ready);
            session.info("Nothing to backfill: no row of " + target.tableName() + " has " + target.columnName() + " NULL.");
            return;
        }
        String key = Backfills.key(session, target);
        KeyPosition remembered = backfills.resumePosition(key);
        KeyPosition position = remembered != null ? remembered : KeyPosition.from(ready.census().firstFillable());
        BackfillRunner runner = new BackfillRunner(ready.connection(), target,
                BackfillRunner.Options.of(batch, Duration.ofMillis(pauseMs)), position, ready.census(), ready.maxKey(), ready.quiet(),
                new BackfillRunner.Listener() {
                    @Override public void notice(String line) { session.notice(line); }

                    @Override public void ended(BackfillRunner r) { backfills.ended(session, key, r); }
                });
        backfills.started(session, key, runner);
        runner.start();
        session.info(String.format(Locale.ROOT, "Backfilling %s: %s to fill, batches of %,d by %s, from %s%s; "
                        + "backfill-status shows progress, backfill stop pauses it.",
                target.describe(), BackfillRunner.rows(ready.census().fillable()), batch, target.keyName(),
                position.describe(target.keyName()), remembered != null ? " (where the last run stopped)" : ""));
    }

    private BackfillStart.Prepared prepare(BackfillSpec spec) {
        Connection c = null;
        try {
            c = session.borrow();   // Ctrl-C cancels the checks and the count on it
            ShortLockTransaction ddl = ShortLockTransaction.forLiveWrites().stopWhen(session::interrupted);
            return BackfillStart.prepare(c, spec, ddl, session::info);
        } catch (CommandError e) {
            close(c);
            if (session.interrupted()) throw new CommandError("cancelled; nothing was changed");
            throw e;
        } catch (SQLException e) {
            close(c);
            throw new CommandError(CommandErrors.oneLine(e) + (session.interrupted() ? "" : "; nothing was changed"));
        } catch (Exception e) {
            close(c);
            throw new IllegalStateException(e);
        }
    }

    private static void release(BackfillStart.Prepared ready) {
        try {
            BackfillLock.release(ready.connection(), ready.target());
        } catch (SQLException ignored) {
            // the connection is gone, and its lock with it
        }
        close(ready.connection());
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // back to the pool or gone
        }
    }

    @Command(name = "stop", description = "Stop the backfill after the batch in flight; backfill start resumes it")
    public void stop() {
        BackfillRunner runner = backfills.current();
        if (runner == null) throw new CommandError("no backfill is running");
        backfills.watching(true);   // the end is told here, not above the prompt
        try {
            runner.stop();
        } finally {
            backfills.watching(false);
        }
        String message = backfills.takeEndMessage(runner);
        if (message != null) session.info(message);
    }

    @Command(name = "install-function", description = "Create the exercise's backfill_batch(batch_size) function, as written")
    public void installFunction() {
        try (Statement s = session.connection().jdbc().createStatement()) {
            s.execute(BackfillFunction.source());
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
        session.info("Installed backfill_batch(batch_size bigint), as the exercise writes it; run it every minute with: "
                + "schedule backfill '*/1 * * * *' 'SELECT backfill_batch(1000000);'");
    }
}
