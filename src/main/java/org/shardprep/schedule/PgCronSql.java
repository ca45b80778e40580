package org.shardprep.schedule;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandContext;
import org.shardprep.command.SqlInterceptor;
import org.shardprep.command.TablePrinter;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.scan.LeadingWords;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise's pg_cron SQL on a server without pg_cron: exactly {@code SELECT cron.schedule(...)}
 * (name, schedule, command or schedule, command, as string literals), {@code SELECT cron.unschedule(...)}
 * (name or id) and {@code SELECT * FROM cron.job}, answered from the client scheduler in pg_cron's shape.
 * Where pg_cron is installed in the current database they go to the server as typed.
 */
final class PgCronSql implements SqlInterceptor {

    private static final String LITERAL = "'(?:[^']|'')*'";
    private static final Pattern SCHEDULE = Pattern.compile(
            "select\\s+cron\\.schedule\\s*\\(\\s*(" + LITERAL + ")\\s*,\\s*(" + LITERAL + ")\\s*(?:,\\s*(" + LITERAL + ")\\s*)?\\)\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern UNSCHEDULE = Pattern.compile(
            "select\\s+cron\\.unschedule\\s*\\(\\s*(" + LITERAL + "|\\d{1,18})\\s*\\)\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern JOB_TABLE = Pattern.compile(
            "select\\s+\\*\\s+from\\s+cron\\.job\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATE_PG_CRON = Pattern.compile(
            "create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?(?:pg_cron|\"pg_cron\")(?:\\s.*)?;?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static final String CREATE_HINT = "shardprep schedules on the client: SELECT cron.schedule(...), cron.unschedule(...)"
            + " and SELECT * FROM cron.job work here without the extension (or use schedule, jobs, unschedule)";

    static final String CLIENT_NOTICE = "NOTICE:  pg_cron is not installed here; scheduling on the client";

    private final ClientScheduling owner;
    private final Map<String, Boolean> pgCronInstalled = new HashMap<>();   // by server and database
    private boolean noticed;

    PgCronSql(ClientScheduling owner) {
        this.owner = owner;
    }

    /** Whether the statement is one of the three pg_cron forms this class knows. */
    static boolean recognises(String text) {
        String sql = LeadingWords.rest(text);
        return SCHEDULE.matcher(sql).matches() || UNSCHEDULE.matcher(sql).matches() || JOB_TABLE.matcher(sql).matches();
    }

    @Override
    public QueryOutcome intercept(String text, CommandContext session) {
        String sql = LeadingWords.rest(text);   // from the first word on: comments before it are the user's notes
        if (!mentionsCron(sql)) return null;   // the cheap test first: every statement passes here
        Matcher schedule = SCHEDULE.matcher(sql);
        Matcher unschedule = UNSCHEDULE.matcher(sql);
        boolean jobTable = JOB_TABLE.matcher(sql).matches();
        boolean isSchedule = schedule.matches(), isUnschedule = unschedule.matches();
        if (!isSchedule && !isUnschedule && !jobTable) return null;
        if (serverHasPgCron()) return null;
        if (!noticed) {
            noticed = true;
            session.message(CLIENT_NOTICE);
        }
        Scheduler scheduler = owner.scheduler();
        if (isSchedule) {
            String name = schedule.group(3) == null ? null : unquote(schedule.group(1));
            String when = unquote(schedule.group(schedule.group(3) == null ? 1 : 2));
            String command = unquote(schedule.group(schedule.group(3) == null ? 2 : 3));
            Job job;
            try {
                job = scheduler.schedule(name, when, command);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return error(session, e.getMessage());
            }
            new TablePrinter().column("schedule", TablePrinter.INT8).row(job.id()).print(session);
            return QueryOutcome.OK;
        }
        if (isUnschedule) {
            String arg = unschedule.group(1);
            String key = arg.startsWith("'") ? unquote(arg) : arg;
            if (!scheduler.unschedule(key)) {
                return error(session, arg.startsWith("'") ? "could not find valid entry for job '" + key + "'"
                        : "could not find valid entry for job " + key);
            }
            new TablePrinter().column("unschedule", TablePrinter.BOOL).row("t").print(session);
            return QueryOutcome.OK;
        }
        var c = session.connection();
        TablePrinter table = new TablePrinter().column("jobid", TablePrinter.INT8).column("schedule", TablePrinter.TEXT)
                .column("command", TablePrinter.TEXT).column("nodename", TablePrinter.TEXT).column("nodeport", TablePrinter.INT4)
                .column("database", TablePrinter.TEXT).column("username", TablePrinter.TEXT)
                .column("active", TablePrinter.BOOL).column("jobname", TablePrinter.TEXT);
        for (Job job : scheduler.jobs()) {
            table.row(job.id(), job.schedule().text(), job.command(), c.host(), c.port(), c.database(), c.user(),
                    job.active() ? "t" : "f", job.name());
        }
        table.print(session);
        return QueryOutcome.OK;
    }

    /** CREATE EXTENSION pg_cron refused (not available, or not preloaded): the client scheduler stands in. */
    @Override
    public String hintAfterError(String sql) {
        return CREATE_PG_CRON.matcher(LeadingWords.rest(sql)).matches() ? CREATE_HINT : null;
    }

    private static boolean mentionsCron(String sql) {
        if (!LeadingWords.first(sql).equals("select")) return false;
        for (int i = sql.indexOf('.'); i >= 4; i = sql.indexOf('.', i + 1)) {
            if (sql.regionMatches(true, i - 4, "cron", 0, 4)) return true;
            if (i > 200) return false;   // the three forms name cron.* near the start
        }
        return false;
    }

    private static QueryOutcome error(CommandContext session, String message) {
        session.message(session.messagePrefix() + "ERROR:  " + message);
        return QueryOutcome.refused(message);
    }

    static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    /** pg_cron in the session's current database (asked once per server and database, on a pooled connection). */
    synchronized boolean serverHasPgCron() {
        String key = owner.identity();
        Boolean known = pgCronInstalled.get(key);
        if (known != null) return known;
        boolean installed;
        try (Connection c = owner.session().pool().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select 1 from pg_catalog.pg_extension where extname = 'pg_cron'")) {
            installed = rs.next();
        } catch (SQLException e) {
            return false;   // not remembered: the next statement asks again
        }
        pgCronInstalled.put(key, installed);
        return installed;
    }

    /** The server's own jobs (cron.job), for {@code jobs}: id, name, schedule, command, active. */
    List<String[]> serverJobs() {
        List<String[]> out = new ArrayList<>();
        if (!serverHasPgCron()) return out;
        try (Connection c = owner.session().pool().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select jobid, jobname, schedule, command, active from cron.job order by jobid")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5) ? "t" : "f"});
            }
        } catch (SQLException e) {
            out.add(new String[] {null, null, null, "(cannot read cron.job: " + CommandErrors.oneLine(e) + ")", null});
        }
        return out;
    }
}
