package org.shardprep.schedule;

import org.shardprep.shell.CommandError;
import org.shardprep.shell.Session;
import org.shardprep.shell.TablePrinter;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** schedule, unschedule, jobs, job-runs, job pause|resume: pg_cron's user model as shell commands. */
@Command
public class ScheduleCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Session session;

    public ScheduleCommands(Session session) {
        this.session = session;
    }

    private Scheduler scheduler() {
        return ClientScheduling.of(session).scheduler();
    }

    @Command(command = "schedule", description = "Run SQL or a shardprep command on a schedule (cron, 'N seconds', @daily ...), as cron.schedule")
    public void schedule(
            @Option(description = "job name", required = true) String name,
            @Option(description = "five cron fields, 'N seconds' (1..59) or @hourly/@daily/...", required = true) String schedule,
            @Option(description = "SQL, or a shardprep command line", required = true) String command) {
        Job job;
        try {
            job = scheduler().schedule(name, schedule, command);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandError(e.getMessage() + "; nothing was scheduled");
        }
        session.info("scheduled job " + job.id() + " (" + job.name() + "): " + job.schedule().text() + ", next run " + format(scheduler().nextRun(job)));
    }

    @Command(command = "unschedule", description = "Remove a scheduled job, by name or id, as cron.unschedule")
    public void unschedule(@Option(description = "job name or id", required = true) String job) {
        Job found = scheduler().find(job);
        if (found == null || !scheduler().unschedule(job)) throw new CommandError("no job named " + job);
        session.info("unscheduled job " + found.id() + " (" + found.name() + ")");
    }

    @Command(command = "jobs", description = "The scheduled jobs: the client's and, where pg_cron is installed, the server's")
    public void jobs() {
        Scheduler s = scheduler();
        TablePrinter table = new TablePrinter().column("id", TablePrinter.INT8).column("name", TablePrinter.TEXT)
                .column("schedule", TablePrinter.TEXT).column("command", TablePrinter.TEXT).column("active", TablePrinter.BOOL)
                .column("next run", TablePrinter.TEXT).column("state", TablePrinter.TEXT).column("runs on", TablePrinter.TEXT);
        for (Job job : s.jobs()) {
            Job.State state = s.state(job);
            table.row(job.id(), job.name(), job.schedule().text(), job.command(), job.active() ? "t" : "f",
                    format(s.nextRun(job)), state == Job.State.IDLE ? "" : state.name().toLowerCase(Locale.ROOT), "client");
        }
        for (String[] r : ClientScheduling.of(session).sql().serverJobs()) {
            table.row(r[0], r[1], r[2], r[3], r[4], null, null, "server (pg_cron)");
        }
        table.print(session);
    }

    @Command(command = "job-runs", description = "Recent runs of the scheduled jobs, newest first, as cron.job_run_details")
    public void jobRuns(
            @Option(description = "job name or id (default: every job)") String job,
            @Option(longNames = "limit", defaultValue = "20", description = "how many runs") int limit) {
        if (job != null && scheduler().find(job) == null && scheduler().runs(job, 1).isEmpty()) {
            throw new CommandError("no job named " + job);
        }
        List<JobRun> runs = scheduler().runs(job, Math.max(0, limit));
        TablePrinter table = new TablePrinter().column("run", TablePrinter.INT8).column("job", TablePrinter.TEXT)
                .column("status", TablePrinter.TEXT).column("start", TablePrinter.TEXT).column("end", TablePrinter.TEXT)
                .column("duration", TablePrinter.TEXT).column("message", TablePrinter.TEXT);
        for (JobRun r : runs) {
            table.row(r.runId(), ClientScheduling.label(r), r.status(), format(r.start().atZone(ZoneId.systemDefault())),
                    r.end() == null ? null : format(r.end().atZone(ZoneId.systemDefault())), duration(r.duration()), r.message());
        }
        table.print(session);
    }

    @Command(command = "job pause", description = "Stop a job from running until job resume (pg_cron's active = false)")
    public void pause(@Option(description = "job name or id", required = true) String job) {
        if (!scheduler().setActive(job, false)) throw new CommandError("no job named " + job);
        session.info("paused job " + job);
    }

    @Command(command = "job resume", description = "Let a paused job run again")
    public void resume(@Option(description = "job name or id", required = true) String job) {
        if (!scheduler().setActive(job, true)) throw new CommandError("no job named " + job);
        session.info("resumed job " + job);
    }

    private static String format(ZonedDateTime t) {
        return t == null ? null : TIME.format(t);
    }

    private static String duration(Duration d) {
        if (d == null) return null;
        return String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
    }
}
