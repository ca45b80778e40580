package org.shardprep.schedule;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.ShardprepHome;
import org.shardprep.command.BackgroundWork;
import org.shardprep.command.CommandContext;
import org.shardprep.command.DatabaseKey;
import org.shardprep.command.ShellCommands;
import org.shardprep.command.TimingComparison;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The scheduler of one session: bound to the database the session is connected to (its jobs come from,
 * and go to, that database's job file), registered as background work while a job is active, its
 * failures printed above the prompt, and the pg_cron SQL hook installed on the session.
 */
public final class ClientScheduling {

    static final String BACKGROUND_NAME = "scheduled jobs";

    private static final Map<CommandContext, ClientScheduling> BY_SESSION = new WeakHashMap<>();

    private final CommandContext session;
    private final PgCronSql sql;
    private volatile ShellCommands commands = ShellCommands.NONE;
    private Scheduler scheduler;
    private String boundTo;

    private ClientScheduling(CommandContext session) {
        this.session = session;
        this.sql = new PgCronSql(this);
    }

    /**
     * Entry point at session start (scripts and the REPL): installs the pg_cron hook, brings back the
     * database's saved jobs (active ones run again), and lets jobs run shardprep command lines.
     */
    public static ClientScheduling attach(CommandContext session, ShellCommands commands) {
        ClientScheduling cs = of(session);
        cs.commands = commands;
        cs.scheduler();
        return cs;
    }

    /** The session's scheduling (made on first use). */
    public static ClientScheduling of(CommandContext session) {
        synchronized (BY_SESSION) {
            return BY_SESSION.computeIfAbsent(session, s -> {
                ClientScheduling cs = new ClientScheduling(s);
                s.setSqlInterceptor(cs.sql);
                return cs;
            });
        }
    }

    CommandContext session() { return session; }

    PgCronSql sql() { return sql; }

    /** The server and database of the session's connection right now. */
    String identity() {
        return session.databaseKey().fileName();
    }

    /**
     * The scheduler for the database the session is on. After \c to another database the old one's jobs
     * stop (they stay in their file and run again when the shell comes back to it).
     */
    public synchronized Scheduler scheduler() {
        String now = identity();
        if (scheduler != null && now.equals(boundTo) && !scheduler.stopped()) return scheduler;
        if (scheduler != null) {
            scheduler.stop(Scheduler.STOP_GRACE);
            session.background().unregister(BACKGROUND_NAME);
        }
        JobStore store = JobStore.forDatabase(ShardprepHome.stateDir(), session.databaseKey());
        String bound = now;
        Scheduler fresh = new Scheduler(store, () -> poolFor(bound), new Scheduler.Listener() {
            private final Map<Long, String> lastShown = new java.util.concurrent.ConcurrentHashMap<>();

            /** A failure is shown once: again only after a success or with another message (job-runs has them all). */
            @Override
            public void runFailed(JobRun run) {
                if (run.message().equals(lastShown.put(run.jobId(), run.message()))) return;
                session.notice("job " + label(run) + " failed: " + run.message());
            }

            @Override
            public void runSucceeded(JobRun run) {
                lastShown.remove(run.jobId());
            }

            @Override
            public void activeChanged(boolean anyActive) {
                if (anyActive) session.background().register(BACKGROUND_NAME, new BackgroundWork.Task() {
                    @Override public void stop() { stopCurrent(); }
                    @Override public void quit() { pauseAndStop(); }
                });
                else session.background().unregister(BACKGROUND_NAME);
            }
        });
        fresh.useCommands(commands);
        scheduler = fresh;
        boundTo = now;
        try {
            fresh.load();
        } catch (IOException e) {
            session.error("cannot read the saved jobs in " + store.file() + ": " + CommandErrors.oneLine(e));
        }
        // jobs an earlier shell left active run again from now on: never silently
        for (Job job : fresh.activeJobs()) {
            String command = TimingComparison.shorten(job.command().strip().replaceAll("\\s+", " "), 60);
            session.message("scheduled job " + quoted(job) + " (" + job.schedule().describe() + ": " + command
                    + ") is active again; \"job pause " + handle(job) + "\" stops it");
        }
        return fresh;
    }

    private void stopCurrent() {
        Scheduler s;
        synchronized (this) { s = scheduler; }
        if (s != null) s.stop(Scheduler.STOP_GRACE);
    }

    /** "Stop and quit": the jobs are paused in their file too, so the next shell does not bring them back. */
    private void pauseAndStop() {
        Scheduler s;
        synchronized (this) { s = scheduler; }
        if (s == null) return;
        for (Job job : s.pauseAll()) {
            session.notice("paused scheduled job " + quoted(job) + " (saved as paused; \"job resume " + handle(job)
                    + "\" takes it back)");
        }
        s.stop(Scheduler.STOP_GRACE);
    }

    /** How job pause/resume name the job: its name, else its id. */
    private static String handle(Job job) {
        return job.name() != null ? job.name() : String.valueOf(job.id());
    }

    private static String quoted(Job job) {
        return job.name() != null ? "\"" + job.name() + "\"" : String.valueOf(job.id());
    }

    /** The session's pool, as long as the session is still on the job's database. */
    private DataSource poolFor(String bound) {
        if (!bound.equals(identity())) {
            throw new IllegalStateException("the shell is connected to another database now; the job waits for it to come back");
        }
        return session.pool();
    }

    static String label(JobRun run) {
        return run.jobName() != null ? run.jobName() : String.valueOf(run.jobId());
    }
}
