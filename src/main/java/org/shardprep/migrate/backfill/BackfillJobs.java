package org.shardprep.migrate.backfill;

import org.shardprep.command.CommandContext;
import org.shardprep.schedule.ClientScheduling;
import org.shardprep.schedule.Job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/** What fills a column beside a backfill of this session: scheduled jobs running backfill_batch or backfill. */
public final class BackfillJobs {
    private BackfillJobs() {}

    /** An active scheduled job that backfills: the client scheduler's or pg_cron's. */
    public record ScheduledBackfill(boolean pgCron, String name, String command) {
        /** "scheduled job fill (SELECT backfill_batch(10000))", "pg_cron job 3 (...)". */
        public String describe() {
            return (pgCron ? "pg_cron job " : "scheduled job ") + name + " (" + command + ")";
        }
    }

    /** The first active scheduled job running a backfill, if any. */
    public static Optional<ScheduledBackfill> scheduled(CommandContext session, Connection c) throws SQLException {
        for (Job job : ClientScheduling.of(session).scheduler().jobs()) {
            if (job.active() && isBackfill(job.command())) return Optional.of(new ScheduledBackfill(false, job.name(), job.command()));
        }
        if (hasCronJobTable(c)) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT jobid, jobname, command FROM cron.job "
                         + "WHERE active AND command ILIKE '%backfill_batch%' ORDER BY jobid")) {
                if (rs.next()) {
                    String name = rs.getString(2) != null ? rs.getString(2) : rs.getString(1);
                    return Optional.of(new ScheduledBackfill(true, name, rs.getString(3)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A backfill in progress, as a reason to wait: shardprep's own (background work named "backfill ..."), or a
     * scheduled job (see {@link #scheduled}).
     */
    public static Optional<String> running(CommandContext session, Connection c) throws SQLException {
        for (String name : session.background().running()) {
            if (name.toLowerCase(Locale.ROOT).contains("backfill")) {
                return Optional.of("a backfill is running (" + name + "): let it finish, then run swap-pk again");
            }
        }
        return scheduled(session, c).map(job -> job.describe() + " still runs the backfill: once it has filled every row, "
                + (job.pgCron() ? "SELECT cron.unschedule('" + job.name() + "')" : "unschedule " + job.name())
                + " and run swap-pk again");
    }

    public static boolean isBackfill(String command) {
        String c = command.strip().toLowerCase(Locale.ROOT);
        return c.contains("backfill_batch") || c.startsWith("backfill ") || c.equals("backfill");
    }

    private static boolean hasCronJobTable(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT to_regclass('cron.job') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
