package org.shardprep.prepare;

import org.shardprep.command.CommandContext;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.migrate.ShortLockTransaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * prepare plan: one plan for the whole schema, from its foreign keys and its data (see {@link Planner}); it
 * changes nothing. prepare run: the plan shown, asked about, and carried out ({@link PrepareRun}).
 */
@Command(name = "prepare", description = "Prepare the schema for Citus: one plan from the foreign keys and the data")
public class PrepareCommand {

    /** A connection of the command's own for prepare run, closed after the run. */
    @FunctionalInterface
    public interface WorkConnection {
        Connection open() throws SQLException;
    }

    /** The question before prepare run changes anything (Console.confirm in the shell). */
    @FunctionalInterface
    public interface Confirm {
        boolean ask(String question, boolean yes, String refusal);
    }

    private final Supplier<Connection> connection;
    private final PrintWriter out;
    private final WorkConnection work;
    private final Confirm confirm;
    private final Consumer<String> info;
    private final BooleanSupplier stop;

    /** In the shell: the session's connection, and results where the session's go (\\o included). */
    public PrepareCommand(CommandContext session) {
        this(() -> session.connection().jdbc(), session.results(), session::borrow,
                (q, yes, refusal) -> session.console().confirm(q, yes, refusal), session::info, session::interrupted);
    }

    /** @param connection the session's connection (not closed here) */
    public PrepareCommand(Supplier<Connection> connection, PrintWriter out) {
        this(connection, out, () -> {
            throw new SQLException("prepare run needs a connection of its own");
        }, (q, yes, refusal) -> yes, out::println, () -> false);
    }

    /**
     * @param work    a connection of its own for prepare run (closed after the run)
     * @param confirm asks before prepare run changes anything
     * @param info    prepare run's progress lines
     * @param stop    Ctrl-C: the run stops between steps
     */
    public PrepareCommand(Supplier<Connection> connection, PrintWriter out, WorkConnection work, Confirm confirm,
                          Consumer<String> info, BooleanSupplier stop) {
        this.connection = connection;
        this.out = out;
        this.work = work;
        this.confirm = confirm;
        this.info = info;
        this.stop = stop;
    }

    @Command(name = "plan", description = "Show the plan: roles, paths, key changes, what changes for the application, the data's pre-flight and the Citus statements")
    public void plan(
            @Option(names = "--tenant", paramLabel = "TABLE", description = "the tenant table (distributed on its own key)") String tenant,
            @Option(names = "--column", paramLabel = "NAME", description = "the distribution column (default: the tenant table's key)") String column,
            @Option(names = "--reference", paramLabel = "T,...", split = ",", description = "tables to make reference tables") List<String> reference,
            @Option(names = "--local", paramLabel = "T,...", split = ",", description = "tables to leave as local tables") List<String> local) {
        PreparePlan plan;
        try {
            plan = Planner.plan(connection.get(), new Planner.Options(tenant, column, reference, local));
        } catch (BadPlanInput e) {
            throw new CommandError(e.getMessage());
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
        PlanReport.lines(plan).forEach(out::println);
        out.flush();
    }

    @Command(name = "run", description = "Carry the plan out: add and fill the column, widen the keys, re-point the foreign keys (resumable; --yes in scripts)")
    public void run(
            @Option(names = "--tenant", paramLabel = "TABLE", description = "the tenant table (distributed on its own key)") String tenant,
            @Option(names = "--column", paramLabel = "NAME", description = "the distribution column (default: the tenant table's key)") String column,
            @Option(names = "--reference", paramLabel = "T,...", split = ",", description = "tables to make reference tables") List<String> reference,
            @Option(names = "--local", paramLabel = "T,...", split = ",", description = "tables to leave as local tables") List<String> local,
            @Option(names = "--yes", description = "answer yes to the question (for scripts)") boolean yes) {
        try (Connection c = work.open()) {
            SchemaGraph graph = SchemaGraph.read(c);
            PreparePlan plan = Planner.plan(c, graph, new Planner.Options(tenant, column, reference, local));
            PrepareRun run = new PrepareRun(c, plan, graph, ShortLockTransaction.forLiveWrites().stopWhen(stop), line -> {
                info.accept(line);
                out.flush();
            }, stop);
            List<String> refusals = run.refusals();
            if (!refusals.isEmpty()) {
                PlanReport.lines(plan).forEach(out::println);
                out.flush();
                throw new CommandError("prepare run refused, nothing changed: " + String.join("; ", refusals));
            }
            if (!run.pending()) {
                info.accept("Nothing to do: the catalog shows every step of the plan done; nothing changed.");
                return;
            }
            PlanReport.lines(plan).forEach(out::println);
            out.flush();
            if (!confirm.ask("Carry out this plan (it changes the tables above)?", yes,
                    "prepare run changes tables: add --yes to run it from a script")) {
                info.accept("Nothing changed.");
                return;
            }
            int steps = run.run();
            info.accept("prepare run done: " + steps + " steps; run it again to check (it changes nothing when all is done).");
            if (!plan.problems().isEmpty()) {
                info.accept("Citus would still refuse, until you change it: " + String.join("; ", plan.problems()));
            }
        } catch (BadPlanInput e) {
            throw new CommandError(e.getMessage());
        } catch (SQLException e) {
            throw new CommandError("prepare run stopped: " + CommandErrors.oneLine(e)
                    + "; every finished step is kept, prepare run again goes on from there");
        }
    }
}
