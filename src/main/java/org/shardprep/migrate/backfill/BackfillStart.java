package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ShortLockTransaction;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandError;

import org.shardprep.migrate.QuietWrites;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The foreground part of starting a backfill, in this order so that a refusal changes nothing: read the
 * catalog ({@link BackfillTarget}), take the table's {@link BackfillLock}, count exactly what is left and
 * refuse rows the source cannot fill ({@link NullCensus}, {@link UnmatchedRows}), and only then add the
 * column if it is missing, in a {@link ShortLockTransaction} so that it never queues behind a long query.
 */
public final class BackfillStart {

    /** Ready to run: the connection (holding the lock), the target with its column, the count at the start. */
    public record Prepared(Connection connection, BackfillTarget target, NullCensus census, Object maxKey, boolean columnAdded,
                           boolean quiet) {}

    private BackfillStart() {}

    /**
     * @param ddl  the transaction for the count and ADD COLUMN (lock_timeout and retries)
     * @param info status lines for the user (the first lock retry of ADD COLUMN)
     * @return the prepared backfill; on any refusal or error the lock is released and nothing was changed
     */
    public static Prepared prepare(Connection c, BackfillSpec spec, ShortLockTransaction ddl, Consumer<String> info) throws SQLException {
        BackfillTarget target = BackfillTarget.resolve(c, spec);
        BackfillLock.acquire(c, target);
        try {
            // only the column changes: no trigger of the user's may fire on the rows filled
            boolean quiet = QuietWrites.allowed(c, ddl);
            Optional<String> refusal = QuietWrites.refusal(c, target.table(), target.columnName(), quiet);
            if (refusal.isPresent()) throw new CommandError(refusal.get() + "; nothing was changed");
            BackfillTarget counted = target;
            NullCensus census = ddl.run(c, tx -> NullCensus.take(tx, counted));
            if (census.unmatched() > 0) {
                throw new CommandError(UnmatchedRows.describe(c, target, census.unmatched())
                        + "; fill or delete them first, nothing was changed");
            }
            boolean added = false;
            if (!target.columnExists()) {
                BackfillTarget t = target;
                boolean[] told = new boolean[1];
                ddl.onRetry((attempt, pause, cause) -> {
                    if (!told[0]) info.accept("waiting for a lock on " + t.tableName() + " to add " + t.columnName()
                            + " (another session holds one); retrying without holding up its writers");
                    told[0] = true;
                }).run(c, tx -> {
                    try (Statement s = tx.createStatement()) {
                        s.execute(t.addColumnSql());
                    }
                    return null;
                });
                target = target.withColumnAdded();
                added = true;
            }
            return new Prepared(c, target, census, maxKey(c, target), added, quiet);
        } catch (SQLException | RuntimeException e) {
            try {
                BackfillLock.release(c, target);
            } catch (SQLException ignored) {
                // the connection is gone, and its lock with it
            }
            if (e instanceof SQLException s && ShortLockTransaction.retryable(s)) {
                throw new CommandError("could not add " + target.columnName() + " to " + target.tableName()
                        + ": another session kept a lock on it (" + CommandErrors.oneLine(s) + "); nothing was changed");
            }
            throw e;
        }
    }

    /** The largest key now (an index probe) of a one-column integer key, else null: how far the first pass goes before new rows come in. */
    static Object maxKey(Connection c, BackfillTarget t) throws SQLException {
        if (!t.integerKey()) return null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(" + t.keys().columns().get(0) + ") FROM " + t.table())) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
