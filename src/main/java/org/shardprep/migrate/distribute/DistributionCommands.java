package org.shardprep.migrate.distribute;

import org.shardprep.sql.TransactionState;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandContext;
import org.shardprep.command.Watch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import org.shardprep.prepare.Planner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * check-distribution (is the schema ready for Citus, and with which calls), distribute run (make those
 * calls on a Citus coordinator) and distribute status (where the tables stand while and after it runs).
 */
public class DistributionCommands {

    private final CommandContext session;

    public DistributionCommands(CommandContext session) {
        this.session = session;
    }

    @Command(name = "check-distribution", description = "Can the tables be distributed with Citus: prepare's plan, what of it is left to do, and the statements")
    public void checkDistribution(
            @Parameters(paramLabel = "TABLE", arity = "0..*", description = "tables to report (default: every table on the search path)") String[] tables,
            @Option(names = "--tenant", paramLabel = "TABLE", description = "the tenant table (distributed on its own key)") String tenant,
            @Option(names = "--column", paramLabel = "NAME", description = "the distribution column (default: the tenant table's key, else store_id)") String column,
            @Option(names = "--reference", paramLabel = "T,...", split = ",", description = "tables to make reference tables") List<String> reference,
            @Option(names = "--local", paramLabel = "T,...", split = ",", description = "tables to leave as local tables") List<String> local) {
        Connection c = session.connection().jdbc();
        DistributionPlan plan = check(c, options(tenant, column, reference, local)).plan();
        if (plan.entries().isEmpty()) {
            session.info("Did not find any tables to check.");
            return;
        }
        ReadinessReport.print(plan, named(c, plan, tables == null ? List.of() : Arrays.asList(tables)), session);
    }

    /** distribute run: the Citus calls of the plan check-distribution shows, made on the coordinator. */
    @Command(name = "distribute", description = "Distribute the tables with Citus as check-distribution plans it")
    public static class Distribute {
        private final CommandContext session;

        public Distribute(CommandContext session) {
            this.session = session;
        }

        @Command(name = "run", description = "Distribute the tables with Citus as check-distribution plans it (refused until it is ready)")
        public void distributeRun(
                @Option(names = "--tenant", paramLabel = "TABLE", description = "the tenant table (distributed on its own key)") String tenant,
                @Option(names = "--column", paramLabel = "NAME", description = "the distribution column (default: the tenant table's key, else store_id)") String column,
                @Option(names = "--reference", paramLabel = "T,...", split = ",", description = "tables to make reference tables") List<String> reference,
                @Option(names = "--local", paramLabel = "T,...", split = ",", description = "tables to leave as local tables") List<String> local,
                @Option(names = "--concurrently", description = "create_distributed_table_concurrently where Citus allows it (writes go on meanwhile)") boolean concurrently,
                @Option(names = "--online", description = "no write waits for a copy: every table but the small ones concurrently; refused where the server cannot") boolean online,
                @Option(names = "--truncate-local-data", description = "free the local copies Citus keeps of the tables it distributed (asked at a terminal)") boolean truncate) {
            if (session.connection().transactionState() != TransactionState.IDLE) {
                throw new CommandError("distribute run cannot run inside a transaction block (COMMIT or ROLLBACK first)");
            }
            ReadinessCheck check = check(session.connection().jdbc(), options(tenant, column, reference, local));
            DistributionPlan plan = check.plan();
            if (plan.entries().isEmpty()) throw new CommandError("nothing to distribute: no tables on the search path");
            PrintWriter out = session.results();
            if (!check.citus().installed()) {
                out.println("Statements to run on a Citus coordinator" + (plan.ready() ? "" : " once the tables are ready") + ":");
                plan.settings().forEach(out::println);
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
            if (online) OnlinePrecheck.refusal(session.connection().jdbc(), plan, check.citus()).ifPresent(why -> {
                throw new CommandError("distribute run --online refused, nothing changed: " + why);
            });
            new DistributionRun(session).run(plan, check.citus(), online ? CopyMode.ONLINE
                    : concurrently ? CopyMode.CONCURRENTLY : CopyMode.BLOCKING, truncate);
        }

        /** Seconds between two refreshes of distribute status --watch: psql's \\watch default. */
        static final double WATCH_SECONDS = 2;

        @Command(name = "status", description = "Where each table stands with Citus (local, being copied, distributed and where, reference), "
                + "the foreign keys off, and the copy's progress")
        public void distributeStatus(
                @Option(names = "--watch", description = "refresh every 2 s, as psql's \\watch, until Ctrl-C") boolean watch,
                @Option(names = "--tenant", paramLabel = "TABLE", description = "the tenant table (distributed on its own key)") String tenant,
                @Option(names = "--column", paramLabel = "NAME", description = "the distribution column (default: the tenant table's key, else store_id)") String column,
                @Option(names = "--reference", paramLabel = "T,...", split = ",", description = "tables to make reference tables") List<String> reference,
                @Option(names = "--local", paramLabel = "T,...", split = ",", description = "tables to leave as local tables") List<String> local) {
            // the plan once (it reads the data); the state it is compared with at each refresh (catalog and statistics only)
            DistributionPlan plan = check(session.connection().jdbc(), options(tenant, column, reference, local)).plan();
            if (plan.entries().isEmpty()) throw new CommandError("nothing to show: no tables on the search path");
            session.clearInterrupt();
            do {
                if (watch) {
                    session.out().print(Watch.title("distribute status", ZonedDateTime.now(), WATCH_SECONDS));
                    session.out().println();
                    session.out().flush();
                }
                DistributionStatus status;
                try (Connection c = session.borrow()) {
                    status = DistributionStatus.read(c, plan);
                } catch (SQLException e) {
                    if (session.interrupted()) {   // Ctrl-C cancelled the reads: the watch ends there
                        session.clearInterrupt();
                        return;
                    }
                    throw new CommandError(CommandErrors.oneLine(e));
                }
                status.print(session);
                if (watch) session.results().println();
            } while (watch && Watch.pause(session, (long) (WATCH_SECONDS * 1000)));
        }
    }

    /** The exercise's column when neither a tenant table nor a column is named. */
    static final String DEFAULT_COLUMN = "store_id";

    private static Planner.Options options(String tenant, String column, List<String> reference, List<String> local) {
        if (column != null && column.isBlank()) throw new CommandError("--column must name a column");
        return new Planner.Options(tenant, tenant == null && column == null ? DEFAULT_COLUMN : column, reference, local);
    }

    private static ReadinessCheck check(Connection c, Planner.Options options) {
        try {
            return ReadinessCheck.run(c, options);
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

    /** The tables named to report, as the plan names them; empty for all. */
    private static List<String> named(Connection c, DistributionPlan plan, List<String> typed) {
        List<String> out = new ArrayList<>();
        for (String t : typed) {
            String name;
            try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::text")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    name = rs.getString(1);
                }
            } catch (SQLException e) {
                throw new CommandError(CommandErrors.oneLine(e));
            }
            if (name == null) throw new CommandError("relation \"" + t + "\" does not exist");
            if (plan.entry(name).isEmpty()) throw new CommandError(name + " is not a table of the plan (a partition, or outside the search path)");
            out.add(name);
        }
        return out;
    }
}
