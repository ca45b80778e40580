package org.shardprep.migrate.distribute;

import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.CitusStep;
import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;

import java.io.PrintWriter;
import java.util.List;

/**
 * check-distribution's output: one row per table (in the plan's order) with what Citus asks of it, the problems
 * and notes in plain words, a verdict, and the statements that would distribute the tables. Not ready is a
 * report, not an error, as psql's describe commands just print what they find.
 */
public final class ReadinessReport {

    private ReadinessReport() {}

    /** @param only the tables to report (all when empty); the verdict and the statements are the whole plan's */
    public static void print(DistributionPlan plan, List<String> only, CommandContext session) {
        String column = plan.column();
        List<Entry> entries = plan.entries().stream().filter(e -> only.isEmpty() || only.contains(e.name())).toList();
        TablePrinter table = new TablePrinter().column("table", TablePrinter.TEXT).column(column, TablePrinter.TEXT)
                .column("not null", TablePrinter.TEXT).column("primary key", TablePrinter.TEXT).column("unique", TablePrinter.TEXT)
                .column("foreign keys", TablePrinter.TEXT).column("rows", TablePrinter.NUMERIC).column("role", TablePrinter.TEXT);
        for (Entry e : entries) {
            var own = e.table().column(e.column() != null ? e.column() : column);
            table.row(e.name(), own.isPresent() ? "yes" : "no", own.map(c -> c.notNull() ? "yes" : "no").orElse(""),
                    answer(e.keys().primaryKey()), answer(e.keys().unique()), answer(e.keys().foreignKeys()),
                    (e.rowsEstimated() ? "~" : "") + e.rows(), role(e, column));
        }
        table.print(session);

        PrintWriter out = session.results();
        lines(out, "Problems:", entries.stream().flatMap(e -> e.problems().stream().map(p -> e.name() + ": " + p)).toList());
        lines(out, "Notes:", entries.stream().flatMap(e -> e.notes().stream().map(n -> e.name() + ": " + n)).toList());
        out.println(verdict(plan));
        List<CitusStep> steps = plan.steps();
        if (!steps.isEmpty()) {
            out.println();
            out.println(plan.ready() ? "Statements, in this order:" : "Statements once ready, in this order:");
            plan.settings().forEach(out::println);
            steps.forEach(s -> out.println(s.sql()));
            var keys = plan.keysInTheWay();
            if (!keys.isEmpty()) {
                out.println();
                out.println("distribute run takes these foreign keys off while it runs, and puts them back NOT VALID then validated "
                        + "(rows written meanwhile are checked then): " + String.join(", ", keys.stream().map(k -> k.table() + "." + k.name()).toList()));
            }
        }
        var off = plan.keysOff();
        if (!off.isEmpty()) {
            out.println();
            out.println("Foreign keys off since a distribute run stopped (it puts them back when run again): "
                    + String.join(", ", off.stream().map(k -> k.table() + "." + k.name()).toList()));
        }
        out.println();
        out.flush();
    }

    /** The verdict line: ready, or how many problems stand in the way. */
    public static String verdict(DistributionPlan plan) {
        int problems = plan.blockingProblems();
        if (problems > 0) {
            return "Not ready: " + problems + (problems == 1 ? " blocking problem." : " blocking problems.")
                    + " prepare run " + options(plan) + " does what the plan can; the rest is named above.";
        }
        long distributed = plan.count(Role.DISTRIBUTED), reference = plan.count(Role.REFERENCE);
        long done = plan.entries().stream().filter(Entry::done).count();
        String what = tables(distributed) + (plan.steps().isEmpty() ? " distributed" : " to distribute") + " on " + plan.column()
                + plan.anchor().map(a -> distributed > 1 ? ", colocated with " + a : "").orElse("")
                + "; " + (reference == 0 ? "no" : String.valueOf(reference)) + (reference == 1 ? " reference table" : " reference tables");
        if (plan.steps().isEmpty()) return "Ready, and done: " + what + ".";
        return "Ready: " + what + (done > 0 ? " (" + done + " done already)" : "") + ".";
    }

    /** The prepare options that make this plan, as the user would type them. */
    static String options(DistributionPlan plan) {
        return plan.prepared().tenant().map(t -> "--tenant " + t.table() + (t.key().equals(plan.column()) ? "" : " --column " + plan.column()))
                .orElse("--column " + plan.column());
    }

    private static String tables(long n) {
        return n + (n == 1 ? " table" : " tables");
    }

    static String role(Entry e, String column) {
        String role = switch (e.role()) {
            case DISTRIBUTED -> "distributed on " + e.column() + (e.anchor() ? " (colocation anchor)" : "");
            case REFERENCE -> "reference table";
            case LOCAL -> "stays local";
        };
        return e.done() ? role + ", done" : role;
    }

    /** yes / no; "none" when the table has no such key; empty when the question does not apply. */
    private static String answer(DistributionPlan.Answer a) {
        return switch (a) {
            case YES -> "yes";
            case NO -> "no";
            case NONE -> "none";
            case NOT_ASKED -> "";
        };
    }

    private static void lines(PrintWriter out, String heading, List<String> lines) {
        if (lines.isEmpty()) return;
        out.println(heading);
        lines.forEach(l -> out.println("    " + l));
    }
}
