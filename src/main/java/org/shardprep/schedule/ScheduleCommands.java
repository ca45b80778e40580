package org.shardprep.schedule;

import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** schedule, unschedule, jobs, job-runs, job pause|resume: pg_cron's user model as shell commands. */
public class ScheduleCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final CommandContext session;

    public ScheduleCommands(CommandContext session) {
        this.session = session;
    }

    private Scheduler scheduler() {
        return ClientScheduling.of(session).scheduler();
    }

    @Command(name = "schedule", description = "Run SQL or a shardprep command on a schedule (cron, 'N seconds', @daily ...), as cron.schedule")
    public void schedule(
            @Parameters(paramLabel = "NAME", description = "job name") String name,
            @Parameters(paramLabel = "SCHEDULE", description = "five cron fields, 'N seconds' (1..59) or @hourly/@daily/...") String schedule,
            @Parameters(paramLabel = "COMMAND", description = "SQL, or a shardprep command line") String command) {
        Job job;
        try {
            job = scheduler().schedule(name, schedule, command);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandError(e.getMessage() + "; nothing was scheduled");
        }
        session.info("scheduled job " + job.id() + " (" + job.name() + "): " + job.schedule().text() + ", next run " + format(scheduler().nextRun(job)));
    }

    @Command(name = "unschedule", description = "Remove a scheduled job, by name or id, as cron.unschedule")
    public void unschedule(@Parameters(paramLabel = "JOB", description = "job name or id") String job) {
        Job found = scheduler().find(job);
        if (found == null || !scheduler().unschedule(job)) throw new CommandError("no job named " + job);
        session.info("unscheduled job " + found.id() + " (" + found.name() + ")");
    }

    @Command(name = "jobs", description = "The scheduled jobs: the client's and, where pg_cron is installed, the server's")
    public void jobs() {
        Scheduler s = scheduler();
        TablePrinter table = new TablePrinter().column("id", TablePrinter.INT8).column("name", TablePrinter.TEXT)
                .column("schedule", TablePrinter.TEXT).column("command", TablePrinter.TEXT).column("active", TablePrinter.BOOL)
                .column("next run", TablePrinter.TEXT).column("state", TablePrinter.TEXT).column("runs on", TablePrinter.TEXT);
        for (Job job : s.jobs()) {
            table.row(job.id(), job.name(), job.schedule().text(), job.command(), job.active() ? "t" : "f",
                    format(s.nextRun(job)), s.state(job), "client");
        }
        for (String[] r : ClientScheduling.of(session).sql().serverJobs()) {
            table.row(r[0], r[1], r[2], r[3], r[4], null, null, "server (pg_cron)");
        }
        table.print(session);
    }

    @Command(name = "job-runs", description = "Recent runs of the scheduled jobs, newest first, as cron.job_run_details")
    public void jobRuns(
            @Parameters(paramLabel = "JOB", arity = "0..1", description = "job name or id (default: every job)") String job,
            @Option(names = "--limit", defaultValue = "20", description = "how many runs") int limit) {
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

    /** job pause|resume: pg_cron's active flag. */
    @Command(name = "job", description = "Pause a scheduled job or let it run again")
    public static class JobCommand {
        private final CommandContext session;

        public JobCommand(CommandContext session) {
            this.session = session;
        }

        @Command(name = "pause", description = "Stop a job from running until job resume (pg_cron's active = false)")
        public void pause(@Parameters(paramLabel = "JOB", description = "job name or id") String job) {
            if (!ClientScheduling.of(session).scheduler().setActive(job, false)) throw new CommandError("no job named " + job);
            session.info("paused job " + job);
        }

        @Command(name = "resume", description = "Let a paused job run again")
        public void resume(@Parameters(paramLabel = "JOB", description = "job name or id") String job) {
            if (!ClientScheduling.of(session).scheduler().setActive(job, true)) throw new CommandError("no job named " + job);
            session.info("resumed job " + job);
        }
    }

    private static String format(ZonedDateTime t) {
        return t == null ? null : TIME.format(t);
    }

    private static String duration(Duration d) {
        if (d == null) return null;
        return String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
    }
}
