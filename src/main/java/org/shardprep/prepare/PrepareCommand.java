package org.shardprep.prepare;

import org.shardprep.command.CommandContext;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * prepare plan: one plan for the whole schema, from its foreign keys and its data (see {@link Planner});
 * it changes nothing. (prepare run, which carries the plan out, is still to come.)
 */
@Command(name = "prepare", description = "Prepare the schema for Citus: one plan from the foreign keys and the data")
public class PrepareCommand {

    private final Supplier<Connection> connection;
    private final PrintWriter out;

    /** In the shell: the session's connection, and results where the session's go (\\o included). */
    public PrepareCommand(CommandContext session) {
        this(() -> session.connection().jdbc(), session.results());
    }

    /** @param connection the session's connection (not closed here) */
    public PrepareCommand(Supplier<Connection> connection, PrintWriter out) {
        this.connection = connection;
        this.out = out;
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
}
