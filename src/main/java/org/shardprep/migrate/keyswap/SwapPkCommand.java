package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.backfill.BackfillJobs;
import org.shardprep.migrate.ShortLockTransaction;

import org.shardprep.sql.TransactionState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * swap-pk: the exercise's "Update table keys to include the distribution column" without blocking the
 * application's writes. plan shows the steps and their SQL as the catalog stands; run does the ones left
 * (again after a stop: it picks up where the catalog says); run --as-exercise runs the exercise's SQL as
 * written, for the side-by-side lesson.
 */
@Command(name = "swap-pk", description = "Swap primary and foreign keys onto the distribution column without blocking writes")
public class SwapPkCommand {

    private final CommandContext session;

    public SwapPkCommand(CommandContext session) {
        this.session = session;
    }

    @Command(name = "plan", description = "Show the key swap's steps and their SQL, marking the ones the catalog shows done")
    public void plan(
            @Parameters(paramLabel = "TABLE", arity = "0..*", description = "tables (default: every table that has the column)") String[] tables,
            @Option(names = "--column", defaultValue = "store_id", description = "the distribution column") String column) {
        try (Connection c = session.borrow()) {
            KeySwapPlan plan = read(c, column, tables);
            List<String> refusals = new ArrayList<>(plan.problems());
            if (!plan.pending().isEmpty()) refusals.addAll(sessionRefusals(c, plan, false));
            session.paged(() -> print(plan, refusals));   // 80 lines for the exercise: paged as a query result is
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

    private void print(KeySwapPlan plan, List<String> refusals) {
        PrintWriter out = session.results();
        out.println(header("swap-pk plan", plan));
        for (KeySwapPlan.TableSteps t : plan.tables()) {
            out.println();
            out.println(t.table() + ": primary key " + keyChange(t));
            for (KeySwapStep s : t.steps()) {
                if (s.done()) {
                    out.printf(Locale.ROOT, "%4d. done: %s%n", s.number(), s.title());
                    continue;
                }
                out.printf(Locale.ROOT, "%4d. %s%n", s.number(), s.title());
                out.println("      why: " + s.why());
                for (String line : s.sqlLines()) out.println("      " + line);
            }
        }
        if (!refusals.isEmpty()) out.println();
        for (String r : refusals) out.println("swap-pk run would refuse now: " + r);
        out.flush();
    }

    @Command(name = "run", description = "Swap the keys onto the distribution column without blocking writes (or --as-exercise)")
    public void run(
            @Parameters(paramLabel = "TABLE", arity = "0..*", description = "tables (default: every table that has the column)") String[] tables,
            @Option(names = "--column", defaultValue = "store_id", description = "the distribution column") String column,
            @Option(names = "--force", description = "run even though create_orders does not write the column") boolean force,
            @Option(names = "--lock-timeout", defaultValue = "200", description = "milliseconds a step may wait for its lock before it retries") int lockTimeout,
            @Option(names = "--as-exercise", description = "run the exercise's statements as written, timing each step") boolean asExercise) {
        session.clearInterrupt();
        if (asExercise) {
            if (!column.equals("store_id") || (tables != null && tables.length > 0) || force) {
                throw new CommandError("--as-exercise runs the exercise's SQL as written (store_id; orders, products, "
                        + "line_items): it takes no tables, --column or --force");
            }
            new ExerciseKeySwapRun(session).run();
            return;
        }
        if (lockTimeout < 1) throw new CommandError("--lock-timeout must be at least 1 (milliseconds)");
        long start = System.nanoTime();
        try (Connection c = session.borrow()) {
            KeySwapPlan plan = read(c, column, tables);
            if (!plan.problems().isEmpty()) {
                int more = plan.problems().size() - 1;
                throw new CommandError(plan.problems().get(0) + (more > 0 ? " (and " + more + " more: swap-pk plan lists them)" : ""));
            }
            if (plan.pending().isEmpty()) {
                session.info("Nothing to do: all " + plan.steps().size() + " steps are done.");
                readiness(plan);
                return;
            }
            List<String> refusals = sessionRefusals(c, plan, force);
            if (!refusals.isEmpty()) throw new CommandError(refusals.get(0));
            if (tables == null || tables.length == 0) {
                List<String> beyond = SwapPkScope.beyond(c, column);
                if (!beyond.isEmpty()) {
                    throw new CommandError("swap-pk run swaps primary keys and the foreign keys onto them; this schema's plan also needs "
                            + String.join(", ", beyond) + ": prepare run --column " + column + " does all of it (prepare plan shows it); "
                            + "nothing was changed");
                }
            }
            session.info(header("swap-pk run", plan) + "; lock_timeout " + lockTimeout + " ms, retried with backoff");
            execute(c, plan, Duration.ofMillis(lockTimeout));
            KeySwapPlan after = KeySwapPlan.read(c, column, plan.tableNames());
            if (!after.pending().isEmpty()) {
                KeySwapStep left = after.pending().get(0);
                throw new CommandError("step " + left.number() + " (" + left.table() + ": " + left.title()
                        + ") is not done after the run: something changed the tables meanwhile; swap-pk plan shows the state");
            }
            session.info(String.format(Locale.ROOT, "Done in %.1f s.", (System.nanoTime() - start) / 1e9));
            readiness(after);
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

    private void execute(Connection c, KeySwapPlan plan, Duration lockTimeout) {
        KeySwapRunner runner = new KeySwapRunner(ShortLockTransaction.forLiveWrites(lockTimeout), new KeySwapRunner.Listener() {
            @Override
            public void starting(KeySwapStep step, int total) {
                session.info(String.format(Locale.ROOT, "[%d/%d] %s: %s", step.number(), total, step.table(), step.title()));
            }

            @Override
            public void retrying(KeySwapStep step, int attempt, Duration pause) {
                session.info("      waited for a lock, retry " + attempt + " in " + pause.toMillis() + " ms");
            }

            @Override
            public void finished(KeySwapStep step, int total, Duration took, int retries) {
                session.info(String.format(Locale.ROOT, "[%d/%d] done in %.3f s%s", step.number(), total, took.toNanos() / 1e9,
                        retries == 0 ? "" : ", " + retries + (retries == 1 ? " retry" : " retries")));
            }
        }, session::interrupted);
        try {
            runner.run(c, plan);
        } catch (KeySwapRunner.StepFailure f) {
            KeySwapStep s = f.step();
            String where = "step " + s.number() + " of " + plan.steps().size() + " (" + s.table() + ": " + s.title() + ")";
            String left = s.mode() == KeySwapStep.Mode.CONCURRENT
                    ? "it may leave an invalid index, which the next run drops and builds again"
                    : "its transaction was rolled back";
            if (f.stopped()) {
                throw new CommandError("stopped at " + where + "; the steps before it are done, " + left
                        + "; swap-pk run again finishes the job");
            }
            throw new CommandError(CommandErrors.oneLine(f.sqlCause()) + ", at " + where + "; the steps before it are done, " + left
                    + "; once that is fixed, swap-pk run again finishes the job");
        }
    }

    private static KeySwapPlan read(Connection c, String column, String[] tables) throws SQLException {
        try {
            return KeySwapPlan.read(c, column, tables == null ? List.of() : List.of(tables));
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
    }

    /** The refusals that need the session or the data: an open transaction, a backfill, NULLs, create_orders. */
    private List<String> sessionRefusals(Connection c, KeySwapPlan plan, boolean force) throws SQLException {
        List<String> out = new ArrayList<>();
        if (session.connection().transactionState() != TransactionState.IDLE) {
            out.add("this session is inside a transaction, whose locks would hold the swap up: COMMIT or ROLLBACK first");
        }
        BackfillJobs.running(session, c).ifPresent(out::add);
        KeySwapPreconditions.nullsLeft(c, plan).ifPresent(out::add);
        if (!force) KeySwapPreconditions.createOrdersOmitsColumn(c, plan).ifPresent(out::add);
        return out;
    }

    private static String header(String what, KeySwapPlan plan) {
        int total = plan.steps().size(), pending = plan.pending().size();
        String tables = String.join(", ", plan.tableNames());
        String state = pending == 0 ? "all " + total + " steps done"
                : pending + " of " + total + " steps to do";
        return what + " for " + plan.column() + " on " + tables + plan.tenant().map(t -> " (tenant table " + t + ")").orElse("")
                + ": " + state;
    }

    private static String keyChange(KeySwapPlan.TableSteps t) {
        String now = "(" + String.join(", ", t.primaryKey()) + ")";
        String next = "(" + String.join(", ", t.newKey()) + ")";
        return now.equals(next) ? now : now + " -> " + next;
    }

    /** A short word on readiness; check-distribution gives the full report. */
    private void readiness(KeySwapPlan plan) {
        String keys = plan.tables().stream().map(t -> t.table() + " (" + String.join(", ", t.primaryKey()) + ")")
                .collect(Collectors.joining(", "));
        session.info("Primary keys " + keys + "; " + plan.column() + " NOT NULL and every foreign key on it validated.");
        session.info("Run check-distribution for the full readiness report.");
    }
}
