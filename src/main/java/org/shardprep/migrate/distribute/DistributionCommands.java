package org.shardprep.migrate.distribute;

import org.shardprep.sql.TransactionState;
import org.postgresql.util.PSQLException;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * check-distribution (is the schema ready for Citus, and with which calls) and distribute run (make those
 * calls on a Citus coordinator).
 */
public class DistributionCommands {

    private final CommandContext session;

    public DistributionCommands(CommandContext session) {
        this.session = session;
    }

    @Command(name = "check-distribution", description = "Can the tables be distributed with Citus on the column: problems, roles and the statements")
    public void checkDistribution(
            @Parameters(paramLabel = "TABLE", arity = "0..*", description = "tables to check (default: every table on the search path)") String[] tables,
            @Option(names = "--column", defaultValue = "store_id", description = "the distribution column") String column) {
        Connection c = session.connection().jdbc();
        ReadinessCheck check = check(session, c, column, tables == null ? List.of() : Arrays.asList(tables));
        if (check.plan().entries().isEmpty()) {
            session.info("Did not find any tables to check.");
            return;
        }
        ReadinessReport.print(check.plan(), session);
    }

    /** distribute run: the Citus calls check-distribution plans, made on the coordinator. */
    @Command(name = "distribute", description = "Distribute the tables with Citus as check-distribution plans it")
    public static class Distribute {
        private final CommandContext session;

        public Distribute(CommandContext session) {
            this.session = session;
        }

        @Command(name = "run", description = "Distribute the tables with Citus as check-distribution plans it (refused until it is ready)")
        public void distributeRun(
                @Option(names = "--column", defaultValue = "store_id", description = "the distribution column") String column,
                @Option(names = "--concurrently", description = "create_distributed_table_concurrently where Citus allows it (writes go on meanwhile)") boolean concurrently) {
            if (session.connection().transactionState() != TransactionState.IDLE) {
                throw new CommandError("distribute run cannot run inside a transaction block (COMMIT or ROLLBACK first)");
            }
            Connection c = session.connection().jdbc();
            ReadinessCheck check = check(session, c, column, List.of());
            DistributionPlan plan = check.plan();
            if (plan.entries().isEmpty()) throw new CommandError("nothing to distribute: no tables on the search path");
            PrintWriter out = session.results();
            if (!check.citus().installed()) {
                out.println("Statements to run on a Citus coordinator" + (plan.ready() ? "" : " once the tables are ready") + ":");
                plan.steps().forEach(s -> out.println(s.sql()));
                out.flush();
                throw new CommandError("this server has no Citus: "
                        + (check.citus().available() ? "the citus extension is available but not created (CREATE EXTENSION citus, with citus in shared_preload_libraries)"
                        : "no citus extension in pg_extension, nor one to install")
                        + (plan.ready() ? "" : "; the tables are not ready either (" + plan.blockingProblems() + " blocking problems: check-distribution)"));
            }
            if (!plan.ready()) {
                out.println("Problems:");
                plan.entries().forEach(e -> e.problems().forEach(p -> out.println("    " + e.name() + ": " + p)));
                out.flush();
                throw new CommandError("not ready: " + plan.blockingProblems() + (plan.blockingProblems() == 1 ? " blocking problem" : " blocking problems")
                        + "; nothing was run");
            }
            new DistributionRun(session).run(plan, check.citus(), concurrently);
        }
    }

    private static ReadinessCheck check(CommandContext session, Connection c, String column, List<String> tables) {
        try {
            return ReadinessCheck.run(c, column, tables);
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

}
