package org.shardprep.migrate.backfill;

import org.shardprep.command.DurationWords;
import org.shardprep.migrate.ColumnNulls;

import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;

import java.util.List;
import java.util.Locale;

/**
 * How far a backfill is, for people: one line with a text bar (what backfill-status --watch prints every
 * second) and a table of the figures in the session's print format (what backfill-status prints, and what
 * a script or a benchmark reads with -At or --csv).
 *
 * @param leftExact whether {@code left} is an exact count (at the end, or counted in the database) or an estimate
 * @param counted   counted in the database (no run of this session): rows set and NULL, no rate of a run
 */
record BackfillReport(String target, String state, long filled, long left, boolean leftExact, Double rowsPerSecond,
                      Double elapsedSeconds, BackfillProgress.Snapshot progress, boolean counted) {

    static final int BAR_CELLS = 20;

    /** A run of this session; {@code maxKeyNow} (integer keys) counts rows inserted since it started. */
    static BackfillReport of(BackfillRunner.Status s, Object maxKeyNow) {
        BackfillProgress.Snapshot p = s.progress();
        boolean done = s.state() == BackfillRunner.State.DONE;
        long left;
        if (done) {
            left = s.last() != null ? s.last().nulls() : 0;
        } else {
            left = Math.max(0, s.atStart().fillable() - p.filled()) + newRows(s, maxKeyNow);
        }
        return new BackfillReport(s.target().label(), s.state().name().toLowerCase(Locale.ROOT), p.filled(), left, done,
                p.rowsPerSecond(), p.elapsedSeconds(), p, false);
    }

    /** Rows past both the largest key at the start and the position: inserted since, not yet reached. */
    private static long newRows(BackfillRunner.Status s, Object maxKeyNow) {
        if (!s.target().integerKey() || !(maxKeyNow instanceof Number now) || !(s.startMaxKey() instanceof Number start)) return 0;
        long reached = start.longValue();
        List<String> at = s.position().key();
        if (at != null) reached = Math.max(reached, Long.parseLong(at.get(0)));
        return Math.max(0, now.longValue() - reached);
    }

    /** Counted in the database (no run of this session); {@code rate} from two counts a moment apart, or null. */
    /** @param job the scheduled job filling the column ("scheduled job fill (SELECT backfill_batch(...))"), else null */
    static BackfillReport of(ColumnNulls n, Double rate, String job) {
        return new BackfillReport(n.label(), job == null ? "not running" : "filled by " + job, n.rows() - n.nulls(), n.nulls(),
                true, rate, null, null, true);
    }

    /** A run of this session has rows it filled and rows left; a count in the database, rows set and NULL. */
    private String doneWord() { return counted ? "set" : "filled"; }

    private String leftWord() { return counted ? "null" : "left"; }

    double fraction() {
        long total = filled + left;
        return total == 0 ? 1 : (double) filled / total;
    }

    Double etaSeconds() {
        if (!state.equals("running") && !state.equals("not running") || left == 0) return null;
        return rowsPerSecond != null && rowsPerSecond > 0 ? left / rowsPerSecond : null;
    }

    static String bar(double fraction) {
        int full = (int) Math.floor(fraction * BAR_CELLS + 1e-9);
        return "[" + "#".repeat(full) + ".".repeat(BAR_CELLS - full) + "] " + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100 + 1e-9));
    }

    /** "line_items.store_id [##########..........]  50%  2,001,480 filled, ~2,001,479 left, 160,118 rows/s, ETA 12 s" */
    String line() {
        StringBuilder sb = new StringBuilder(target).append(' ').append(bar(fraction())).append("  ");
        sb.append(String.format(Locale.ROOT, "%,d %s, %s%,d %s", filled, doneWord(), leftExact ? "" : "~", left,
                counted ? "NULL" : "left"));
        if (leftExact) sb.append(" (exact count)");
        if (rowsPerSecond != null) sb.append(String.format(Locale.ROOT, ", %,.0f rows/s", rowsPerSecond));
        Double eta = etaSeconds();
        if (eta != null) sb.append(", ETA ").append(duration(eta));
        if (progress != null && progress.waitingRetries() > 0 && state.equals("running")) {
            sb.append(", waiting for a lock (").append(progress.waitingRetries()).append(" retries)");
        }
        if (!state.equals("running") && !state.equals("not running")) {
            sb.append(", ").append(state);
            if (elapsedSeconds != null) sb.append(" after ").append(duration(elapsedSeconds));
        }
        return sb.toString();
    }

    void printTable(CommandContext session) {
        Double eta = etaSeconds();
        BackfillProgress.Latency l = progress != null ? progress.batchMs() : null;
        new TablePrinter().column("target", TablePrinter.TEXT).column("state", TablePrinter.TEXT)
                .column(doneWord(), TablePrinter.INT8).column(leftWord(), TablePrinter.INT8)
                .column("rows/s", TablePrinter.NUMERIC).column("elapsed s", TablePrinter.NUMERIC).column("ETA", TablePrinter.TEXT)
                .column("batches", TablePrinter.INT8).column("batch ms p50/p95/p99/max", TablePrinter.TEXT)
                .column("lock retries", TablePrinter.INT8).column("progress", TablePrinter.TEXT)
                .row(target, state, filled, left, rowsPerSecond == null ? null : f(rowsPerSecond),
                        elapsedSeconds == null ? null : f(elapsedSeconds), eta == null ? null : duration(eta),
                        progress == null ? null : progress.batches(),
                        l == null ? null : f(l.p50()) + "/" + f(l.p95()) + "/" + f(l.p99()) + "/" + f(l.max()),
                        progress == null ? null : progress.lockRetries(), bar(fraction()))
                .print(session);
    }

    static String duration(double seconds) {
        return DurationWords.of(seconds);
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
