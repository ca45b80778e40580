package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ColumnNulls;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * backfill-status [--watch]: how far the session's backfill is (rows filled, an estimate of rows left while
 * it runs and the exact count at the end, rows/s, ETA, batch latency); without one, the column's NULL count
 * from the database. --watch prints a line a second until the backfill ends, or Ctrl-C.
 */
public class BackfillStatusCommand {

    static final long WATCH_MILLIS = 1000;

    private final CommandContext session;
    private final Backfills backfills;

    public BackfillStatusCommand(CommandContext session, Backfills backfills) {
        this.session = session;
        this.backfills = backfills;
    }

    @Command(name = "backfill-status", description = "Progress of the backfill (rows done and left, rows/s, ETA), or the column's NULL count")
    public void status(
            @Option(names = "--watch", description = "print a progress line every second until done (or Ctrl-C)") boolean watch,
            @Option(names = "--table", description = "table to count in the database (default: the session's backfill, else line_items)") String table,
            @Option(names = "--column", description = "column to count (default: the session's backfill, else store_id)") String column) {
        session.clearInterrupt();
        BackfillRunner runner = backfills.latest();
        boolean other = runner != null && (table != null && !table.equals(runner.target().tableName())
                || column != null && !column.equals(runner.target().columnName()));
        if (runner != null && !other && (runner.running() || sameTableAsBefore(runner.target()))) {
            showRun(runner, watch);
        } else {
            // no run of ours, another table, or a run that ended on a table since dropped and loaded again:
            // the database says how far the column is (and a scheduled job may be filling it)
            BackfillSpec spec = runner != null && !other ? BackfillSpec.orExercise(runner.target().tableName(),
                    runner.target().columnName(), null, null) : BackfillSpec.orExercise(table, column, null, null);
            showDatabase(spec.table(), spec.column(), watch);
        }
    }

    private void showRun(BackfillRunner runner, boolean watch) {
        if (!watch) {
            String message = backfills.takeEndMessage(runner);
            if (message != null) session.info(message);
            report(runner).printTable(session);
            return;
        }
        backfills.watching(true);   // the end is told by the watch, below its last line
        try {
            while (true) {
                boolean ended = !runner.running();
                BackfillReport r = report(runner);
                print(r.line());
                if (ended) {
                    String message = backfills.takeEndMessage(runner);
                    if (message != null) print(message);
                    r.printTable(session);
                    return;
                }
                if (!pause()) return;
            }
        } finally {
            backfills.watching(false);
            String message = backfills.takeEndMessage(runner);   // it ended just as Ctrl-C came
            if (message != null) session.notice(message);
        }
    }

    /** Whether the run's table is still the one it filled (a table loaded again is another table). */
    private boolean sameTableAsBefore(BackfillTarget target) {
        try (Connection c = session.borrow();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::oid")) {
            ps.setString(1, target.table());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == target.tableOid();
            }
        } catch (SQLException e) {
            return true;   // cannot tell: the run is what there is to show
        }
    }

    private BackfillReport report(BackfillRunner runner) {
        BackfillRunner.Status s = runner.status();
        Object maxKey = null;
        if (s.target().integerKey() && s.state() != BackfillRunner.State.DONE) {
            try (Connection c = session.borrow()) {
                maxKey = BackfillStart.maxKey(c, s.target());
            } catch (SQLException e) {
                // the estimate goes without the rows inserted since the start
            }
        }
        return BackfillReport.of(s, maxKey);
    }

    private void showDatabase(String table, String column, boolean watch) {
        ColumnNulls previous = null;
        long previousNanos = 0;
        while (true) {
            long now = System.nanoTime();
            ColumnNulls n = count(table, column);
            if (!n.columnExists()) {
                session.info(n.label().substring(0, n.label().lastIndexOf('.')) + " has no column " + column
                        + " yet: backfill start adds it and fills it.");
                return;
            }
            Double rate = previous == null ? null : Math.max(0, previous.nulls() - n.nulls()) / ((now - previousNanos) / 1e9);
            BackfillReport r = BackfillReport.of(n, rate, n.nulls() == 0 ? null : scheduledJob());
            if (!watch) {
                r.printTable(session);
                return;
            }
            print(r.line());
            if (n.nulls() == 0 || !pause()) return;
            previous = n;
            previousNanos = now;
        }
    }

    /** The scheduled job filling columns (the exercise's backfill_batch every minute), if one is active. */
    private String scheduledJob() {
        try (Connection c = session.borrow()) {
            return BackfillJobs.scheduled(session, c).map(BackfillJobs.ScheduledBackfill::describe).orElse(null);
        } catch (SQLException e) {
            return null;
        }
    }

    private ColumnNulls count(String table, String column) {
        try (Connection c = session.borrow()) {
            return ColumnNulls.count(c, table, column);
        } catch (CommandError e) {
            throw e;
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

    private void print(String line) {
        session.out().println(line);
        session.out().flush();
    }

    private boolean pause() {
        return Watch.pause(session, WATCH_MILLIS);
    }
}
