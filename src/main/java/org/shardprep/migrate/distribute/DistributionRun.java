package org.shardprep.migrate.distribute;

import org.shardprep.migrate.ShortLockTransaction;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.KeyViolations;
import org.shardprep.prepare.KeysOff;
import org.shardprep.prepare.SchemaGraph;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandContext;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ServerMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * distribute run's work: the plan's Citus calls one at a time on a pooled connection, with a line for each.
 * A blocking call (create_distributed_table, create_reference_table), and taking the keys off and putting them back,
 * is each its own short transaction with a lock_timeout, on the workers too, retried when its lock is not granted in
 * time ({@link ShortLockTransaction}): waiting in the lock queue behind a long transaction would stall every write
 * queued behind us. The concurrent form cannot run in a transaction block, so it runs as it is. Each call commits
 * on its own: a failure stops the run with the tables before it distributed and the rest untouched, and running
 * again picks up where it stopped.
 */
public final class DistributionRun {

    /** A blocking copy this long is worth a line at the end: an application's writes waited that long (its 1 s target). */
    static final double BLOCKING_COPY_WORTH_SAYING = 1.0;

    private final CommandContext session;
    /** When this run took the keys off (System.nanoTime), or 0 */
    private long keysOffAt;
    /** Whether the run has said which writes a switch-over fails */
    private boolean switchOverSaid;
    /** The blocking copy that took longest, and its seconds: writes to that table waited as long */
    private String longestBlockingCopy;
    private double longestBlockingSeconds;

    public DistributionRun(CommandContext session) {
        this.session = session;
    }

    public void run(DistributionPlan plan, CitusServer citus, CopyMode mode, boolean truncate) {
        boolean concurrently = mode != CopyMode.BLOCKING;
        List<CitusStep> steps = plan.steps();
        if (steps.isEmpty() && plan.keysOff().isEmpty() && !keysToValidate()) {
            session.info("Nothing to do: " + ReadinessReport.verdict(plan).replaceFirst("^Ready, and done: ", ""));
            return;
        }
        Optional<String> unavailable = concurrently ? citus.concurrentUnavailable() : Optional.empty();
        unavailable.ifPresent(reason -> session.info("No concurrent distribution here: " + reason + "."));
        session.info("Distributing on " + plan.column() + " with Citus " + citus.version().orElse("?") + ": "
                + steps.size() + (steps.size() == 1 ? " statement." : " statements."));
        session.clearInterrupt();
        long start = System.nanoTime();
        // names resolve as they did in the check: the session's search_path
        try (Connection c = session.borrow()) {
            takeKeysOff(c, plan);
            for (String set : plan.settings()) {
                session.info(set);
                execute(c, set.replaceFirst(";.*$", ""));   // session-wide on this connection: the calls below need it
            }
            for (int i = 0; i < steps.size(); i++) {
                if (session.interrupted()) throw new CommandError(stopped(steps, i, "cancelled"));
                runStep(c, plan, steps, i, concurrently && unavailable.isEmpty(), mode);
            }
            verify(plan, CitusServer.read(c));
            for (String set : plan.settings()) execute(c, "RESET " + set.replaceFirst("^SET (\\S+).*$", "$1"));
            putKeysBack(c, plan);
            localCopies(c, steps, truncate);
        } catch (CommandError e) {
            throw e;
        } catch (Exception e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
        long distributed = steps.stream().filter(s -> s.role() == Role.DISTRIBUTED).count();
        long reference = steps.size() - distributed;
        session.info(String.format(Locale.ROOT, "Done in %.1f s: %d %s distributed on %s%s, %d %s.", seconds(start),
                distributed, distributed == 1 ? "table" : "tables", plan.column(),
                plan.anchor().map(a -> " (colocated with " + a + ")").orElse(""),
                reference, reference == 1 ? "reference table" : "reference tables"));
        if (mode == CopyMode.BLOCKING && longestBlockingSeconds >= BLOCKING_COPY_WORTH_SAYING) {
            session.info(String.format(Locale.ROOT, "Each copy held the writes to its table; the longest took %.1f s (%s). "
                    + "distribute run --online copies the large tables while the writes go on.", longestBlockingSeconds, longestBlockingCopy));
        }
    }

    /**
     * The foreign keys between tables Citus is to take, off in one short transaction (kept on the server, so a
     * stopped run puts them back next time): each table is then distributed on its own.
     */
    private void takeKeysOff(Connection c, DistributionPlan plan) throws SQLException {
        List<SchemaGraph.ForeignKey> keys = plan.keysInTheWay();
        if (keys.isEmpty()) return;
        keysOffAt = System.nanoTime();
        session.info("Foreign keys off while the tables are distributed (" + keys.size() + "): " + keys.stream()
                .map(k -> k.table() + "." + k.name()).collect(Collectors.joining(", ")) + ". They come back NOT VALID once both "
                + "sides are distributed, then are validated: rows written meanwhile are checked then.");
        shortLocks().run(c, x -> {
            KeysOff.takeOff(x, keys);
            return null;
        });
    }

    /** Every key taken off, back: NOT VALID in a short transaction, then validated (writes go on meanwhile). */
    private void putKeysBack(Connection c, DistributionPlan plan) throws SQLException {
        ShortLockTransaction tx = shortLocks();
        List<KeysOff.Saved> saved = KeysOff.read(c);
        for (KeysOff.Saved s : saved) {
            SchemaGraph.ForeignKey fk = s.key();
            if (s.added()) continue;
            boolean partitioned = plan.entry(fk.table()).map(e -> e.table().partitioned()).orElse(false);
            session.info("      foreign key " + fk.name() + " of " + fk.table() + " back" + (partitioned
                    ? " (a partitioned table takes no NOT VALID key: checked now)" : ", NOT VALID"));
            tx.run(c, x -> KeysOff.putBack(x, fk, partitioned));
        }
        // VALIDATE's locks let writes by; on the workers it waits as long as it must (an autovacuum of a shard gives way
        // to it after deadlock_timeout, which a short lock_timeout there would never reach)
        ShortLockTransaction validating = ShortLockTransaction.forLiveWrites().stopWhen(session::interrupted);
        for (KeysOff.Saved s : KeysOff.read(c)) {
            SchemaGraph.ForeignKey fk = s.key();
            session.info("      validate " + fk.name() + " of " + fk.table());
            try {
                validating.run(c, x -> {
                    KeysOff.validate(x, fk);
                    return null;
                });
            } catch (SQLException e) {
                serverError(e, "ALTER TABLE " + fk.table() + " VALIDATE CONSTRAINT " + fk.name());
                violations(c, fk);
                throw new CommandError("foreign key " + fk.name() + " of " + fk.table() + " is back NOT VALID but rows break it (above): "
                        + "fix them and run distribute run again, which validates it; the key is not dropped");
            }
        }
        if (keysOffAt != 0) {
            session.info(String.format(Locale.ROOT, "      the foreign keys were off for %.1f s; the rows written meanwhile were checked by VALIDATE",
                    seconds(keysOffAt)));
        }
    }

    /** VALIDATE names one row: how many break the key, and the first few, so the user sees what to fix. */
    private void violations(Connection c, SchemaGraph.ForeignKey fk) {
        try {
            session.info("      " + KeyViolations.describe(fk, KeyViolations.find(c, fk)));
        } catch (SQLException e) {
            // the server's message above names a row; the count is a help, not needed to stop
        }
    }

    /**
     * Citus copies a table's rows into its shards and leaves the local rows on disk, invisible ("The local data in
     * the table is no longer visible, but is still on disk"): offered back, with truncate_local_data_after_distributing_table.
     */
    private void localCopies(Connection c, List<CitusStep> steps, boolean truncate) throws SQLException {
        List<String> tables = steps.stream().map(CitusStep::table).toList();
        if (tables.isEmpty()) return;
        String calls = tables.stream().map(t -> "SELECT truncate_local_data_after_distributing_table(" + CitusStep.literal(t) + ");")
                .collect(Collectors.joining(" "));
        boolean free = truncate || session.console().live() && session.console().confirm("Citus keeps the local copies of "
                + tables.size() + (tables.size() == 1 ? " table" : " tables") + " on disk; free them now (truncate_local_data_after_distributing_table)?",
                false, "");
        if (!free) {
            session.info("Citus keeps the local copies of the tables it distributed on disk: distribute run --truncate-local-data, or "
                    + calls + ", frees them");
            return;
        }
        int freed = 0;
        for (String t : tables) {
            String sql = "SELECT truncate_local_data_after_distributing_table(" + CitusStep.literal(t) + ")";
            try {
                execute(c, sql);
                freed++;
            } catch (SQLException e) {
                serverError(e, sql);   // the distribution stands; this copy stays on disk
            }
        }
        session.info("Freed the local copies of " + freed + " of " + tables.size() + (tables.size() == 1 ? " table." : " tables."));
    }

    /** Keys put back NOT VALID and not yet validated by an earlier run. */
    private boolean keysToValidate() {
        try (Connection c = session.borrow()) {
            return !KeysOff.read(c).isEmpty();
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
    }

    private void runStep(Connection c, DistributionPlan plan, List<CitusStep> steps, int i, boolean concurrently, CopyMode mode) {
        CitusStep step = steps.get(i);
        Optional<String> blocker = plan.blockingReason(step, mode, concurrently);
        boolean concurrent = blocker.isEmpty();
        String sql = step.sql(concurrent);
        session.info("[" + (i + 1) + "/" + steps.size() + "] " + sql);
        if (concurrently) blocker.ifPresent(reason -> session.info("      not concurrently: " + reason));   // asked for, and not here
        if (concurrent && !switchOverSaid) {
            switchOverSaid = true;
            session.info("      writes go on during the copy. At the switch-over to the new shards Citus re-routes an INSERT ... "
                    + "VALUES, and an UPDATE or DELETE by the distribution column; a COPY or INSERT ... SELECT that started on the old shard fails "
                    + "(\"could not find valid entry for shard\") and should be retried");
        }
        long start = System.nanoTime();
        try {
            if (concurrent) {
                try (WalHeartbeat beat = WalHeartbeat.start(session)) {   // keeps the switch-over's wait short
                    execute(c, sql);   // its own transactions, inside Citus; never in a transaction block
                }
            } else {
                shortLocks().run(c, conn -> {
                    execute(conn, sql);
                    return null;
                });
            }
        } catch (SQLException e) {
            serverError(e, sql);
            throw new CommandError(stopped(steps, i, "failed") + leftBehind(c, step));
        }
        double took = seconds(start);
        session.info(String.format(Locale.ROOT, "      done in %.2f s", took));
        if (!concurrent && took > longestBlockingSeconds) {
            longestBlockingSeconds = took;
            longestBlockingCopy = step.table();
        }
    }

    /**
     * The transaction of each step that takes a lock the application's writes need (the keys off and back, a blocking
     * call): a short lock_timeout, on the coordinator and on the workers, retried with a line now and then.
     */
    private ShortLockTransaction shortLocks() {
        ShortLockTransaction tx = ShortLockTransaction.forLiveWrites().onCitusWorkersToo().stopWhen(session::interrupted);
        return tx.onRetry((attempt, pause, cause) -> {
            if (attempt == 1 || attempt % 10 == 0) {   // a line now and then, not one per attempt
                session.info(String.format(Locale.ROOT, "      lock not granted within %d ms (attempt %d), trying again in %.2f s",
                        tx.lockTimeout().toMillis(), attempt, pause.toMillis() / 1000.0));
            }
        });
    }

    /** Runs one call and shows Citus's notices as psql shows notices. */
    private void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                String text = w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null
                        ? MessageFormatter.format(ServerMessage.from(pw.getServerErrorMessage()), sql, session.verbosity())
                        : "WARNING:  " + w.getMessage();
                session.message(session.messagePrefix() + text);
            }
        }
    }

    private void serverError(SQLException e, String sql) {
        String text = e instanceof PSQLException pe && pe.getServerErrorMessage() != null
                ? MessageFormatter.format(ServerMessage.from(pe.getServerErrorMessage()), sql, session.verbosity())
                : "ERROR:  " + e.getMessage();
        session.message(session.messagePrefix() + text);
    }

    /**
     * What a failed call left: the concurrent form first makes the table a Citus local table, and a failure after that
     * leaves it so (the next run's call converts it).
     */
    private static String leftBehind(Connection c, CitusStep step) {
        try {
            boolean local = CitusServer.read(c).table(step.table()).map(t -> t.kind() == CitusServer.Kind.OTHER).orElse(false);
            return local ? "; Citus left " + step.table() + " as a Citus local table, which that run's call converts" : "";
        } catch (SQLException e) {
            return "";   // the connection is gone: the failure above says why
        }
    }

    /** Where the run stopped: each call committed on its own, so the ones before it stay done. */
    private static String stopped(List<CitusStep> steps, int i, String how) {
        String before = i == 0 ? "the statement rolled back, nothing else ran"
                : String.join(", ", steps.subList(0, i).stream().map(CitusStep::table).toList()) + (i == 1 ? " was" : " were") + " done before it";
        return "distribute run " + how + " at " + steps.get(i).table() + " (statement " + (i + 1) + " of " + steps.size() + "); "
                + before + "; distribute run again goes on from there";
    }

    /** After the run, Citus must have every planned table as planned: distributed and colocated, or reference. */
    private static void verify(DistributionPlan plan, CitusServer after) {
        List<String> wrong = new ArrayList<>();
        long anchorGroup = plan.anchor().flatMap(after::table).map(CitusServer.CitusTable::colocationId).orElse(-1L);
        for (CitusStep s : plan.steps()) {
            Optional<CitusServer.CitusTable> t = after.table(s.table());
            boolean ok = switch (s.role()) {
                case REFERENCE -> t.map(x -> x.kind() == CitusServer.Kind.REFERENCE).orElse(false);
                case DISTRIBUTED -> t.map(x -> x.kind() == CitusServer.Kind.DISTRIBUTED && s.column().equals(x.column())
                        && x.colocationId() == anchorGroup).orElse(false);
                case LOCAL -> true;
            };
            if (!ok) wrong.add(s.table());
        }
        if (!wrong.isEmpty()) {
            throw new CommandError("after the run Citus does not have " + String.join(", ", wrong) + " as planned (see check-distribution)");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
