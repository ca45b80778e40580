package org.shardprep.schedule;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.ShellCommands;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client-side pg_cron: one scheduler thread works out when jobs fall due and hands runs to worker
 * threads, which run them on pooled connections (never the session's). One run of a job at a time: a run
 * that falls due while the previous one still runs is queued, once, and starts when that one ends.
 * Every change and every run is written to the job file.
 */
public final class Scheduler {

    /** Where a job's command goes when it is not SQL: a shardprep command line. */
    /** What the scheduler tells its owner: failed runs, and whether any job is active (background work). */
    public interface Listener {
        default void runFailed(JobRun run) { }
        default void runSucceeded(JobRun run) { }
        default void activeChanged(boolean anyActive) { }
    }

    /** How long a stop waits for running statements before it cancels them. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final JobStore store;
    private final Supplier<DataSource> pool;
    private final Listener listener;
    private volatile ShellCommands commands = ShellCommands.NONE;
    private final Map<Long, Job> jobs = new LinkedHashMap<>();
    private final List<JobRun> runs = new ArrayList<>();          // oldest first
    private final Map<Long, PGConnection> runningOn = new LinkedHashMap<>();
    private long nextJobId = 1, nextRunId = 1;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shardprep-job");
        t.setDaemon(true);
        return t;
    });
    private Thread ticker;
    private boolean stopped;
    private boolean anyActive;
    private boolean touched;   // something to write: a database the shell only visits gets no job file

    public Scheduler(JobStore store, Supplier<DataSource> pool, Listener listener) {
        this.store = store;
        this.pool = pool;
        this.listener = listener;
    }

    public void useCommands(ShellCommands commands) { this.commands = commands; }

    public JobStore store() { return store; }

    /** Reads the job file; active jobs start running. */
    public synchronized void load() throws IOException {
        JobStore.Saved saved = store.load();
        nextJobId = saved.nextJobId();
        nextRunId = saved.nextRunId();
        for (JobStore.SavedJob j : saved.jobs()) {
            Schedule s;
            try {
                s = Schedule.parse(j.schedule());
            } catch (IllegalArgumentException e) {
                continue;   // an edited file: a job we cannot read is left out, not fatal
            }
            jobs.put(j.id(), new Job(j.id(), j.name(), s, j.command(), j.active()));
        }
        for (JobStore.SavedRun r : saved.runs()) {
            JobRun run = r.toRun();
            // a run that was going when the last shell ended did not finish here
            if (run.status().equals(JobRun.RUNNING)) run = run.finished(false, "the shell ended during the run", run.start());
            runs.add(run);
        }
        wake();
    }

    /** pg_cron's cron.schedule: a new job, or the job of that name with a new schedule and command. */
    public synchronized Job schedule(String name, String scheduleText, String command) {
        Schedule s = Schedule.parse(scheduleText);
        if (command == null || command.isBlank()) throw new IllegalArgumentException("the command is empty");
        if (name != null && name.isBlank()) throw new IllegalArgumentException("the job name is empty");
        if (stopped) throw new IllegalStateException("the scheduler has stopped");
        Job existing = name == null ? null : byName(name);
        long id = existing != null ? existing.id() : nextJobId++;
        Job job = new Job(id, name, s, command.strip(), true);
        if (existing != null) {
            job.running = existing.running;
            job.queued = existing.queued;
        }
        jobs.put(id, job);
        changed();
        return job;
    }

    /** pg_cron's cron.unschedule, by name or id; false when there is no such job. A running run ends on its own. */
    public synchronized boolean unschedule(String nameOrId) {
        Job job = find(nameOrId);
        if (job == null) return false;
        jobs.remove(job.id());
        changed();
        return true;
    }

    public synchronized boolean setActive(String nameOrId, boolean active) {
        Job job = find(nameOrId);
        if (job == null) return false;
        job.setActive(active);
        if (!active) job.queued = false;
        job.nextRun = null;
        changed();
        return true;
    }

    /** The active jobs (what the file brought back as running, right after load). */
    public synchronized List<Job> activeJobs() {
        return jobs.values().stream().filter(Job::active).toList();
    }

    /** Makes every active job inactive, saved so (the next shell does not run them); returns those it paused. */
    public synchronized List<Job> pauseAll() {
        List<Job> paused = activeJobs();
        for (Job j : paused) {
            j.setActive(false);
            j.queued = false;
            j.nextRun = null;
        }
        if (!paused.isEmpty()) changed();
        return paused;
    }

    public synchronized Job find(String nameOrId) {
        Job job = byName(nameOrId);
        if (job == null && nameOrId != null && nameOrId.strip().matches("\\d{1,18}")) job = jobs.get(Long.parseLong(nameOrId.strip()));
        return job;
    }

    private Job byName(String name) {
        for (Job j : jobs.values()) if (j.name() != null && j.name().equals(name)) return j;
        return null;
    }

    public synchronized List<Job> jobs() { return new ArrayList<>(jobs.values()); }

    /** What {@code jobs} shows: "running", "running, 1 queued" (a run falls due while one runs), or "". */
    public synchronized String state(Job job) {
        if (!job.running) return job.queued ? "queued" : "";
        return job.queued ? "running, 1 queued" : "running";
    }

    /** When the job runs next (null when paused or not yet worked out). */
    public synchronized ZonedDateTime nextRun(Job job) {
        if (!job.active()) return null;
        return job.nextRun != null ? job.nextRun : job.schedule().next(ZonedDateTime.now());
    }

    /** Runs newest first, of one job (name) or all (null). */
    public synchronized List<JobRun> runs(String jobName, int limit) {
        List<JobRun> out = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0 && out.size() < limit; i--) {
            JobRun r = runs.get(i);
            if (jobName == null || jobName.equals(r.jobName()) || jobName.equals(String.valueOf(r.jobId()))) out.add(r);
        }
        return out;
    }

    /** Whether any active job exists (the scheduler counts as background work then). */
    public synchronized boolean anyActive() { return anyActive; }

    /** A change the job file must hear about. */
    private void changed() {
        touched = true;
        save();
        wake();
    }

    /** The scheduler thread runs while a job is active, and looks again at every change. */
    private void wake() {
        boolean active = jobs.values().stream().anyMatch(Job::active);
        if (active && ticker == null && !stopped) {
            ticker = new Thread(this::tick, "shardprep-scheduler");
            ticker.setDaemon(true);
            ticker.start();
        }
        notifyAll();
        if (active != anyActive) {
            anyActive = active;
            listener.activeChanged(active);
        }
    }

    private void save() {
        if (!touched) return;
        List<JobStore.SavedJob> saved = jobs.values().stream()
                .map(j -> new JobStore.SavedJob(j.id(), j.name(), j.schedule().text(), j.command(), j.active())).toList();
        try {
            store.save(new JobStore.Saved(nextJobId, nextRunId, saved, runs.stream().map(JobStore.SavedRun::of).toList()));
        } catch (IOException e) {
            // the jobs go on running; the file is a convenience for the next shell
        }
    }

    /** The scheduler thread: start what is due, then sleep until the next job falls due (or something changes). */
    private void tick() {
        synchronized (this) {
            while (!stopped) {
                ZonedDateTime now = ZonedDateTime.now();
                ZonedDateTime earliest = null;
                for (Job job : jobs.values()) {
                    if (!job.active()) continue;
                    if (job.nextRun == null) job.nextRun = job.schedule().next(now);
                    if (!job.nextRun.isAfter(now)) {
                        if (job.running) job.queued = true; else start(job);
                        job.nextRun = job.schedule().next(now);
                    }
                    if (earliest == null || job.nextRun.isBefore(earliest)) earliest = job.nextRun;
                }
                long waitMs = earliest == null ? 60_000 : Math.max(1, Duration.between(now, earliest).toMillis());
                try {
                    wait(Math.min(waitMs, 60_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Starts one run (the caller holds the lock). */
    private void start(Job job) {
        touched = true;
        job.running = true;
        JobRun run = new JobRun(nextRunId++, job.id(), job.name(), job.command(), JobRun.RUNNING, Instant.now(), null, null);
        runs.add(run);
        trimHistory();
        workers.execute(() -> execute(job, run));
    }

    private void trimHistory() {
        // in memory: ten times what the file keeps is plenty for job-runs
        if (runs.size() > JobStore.KEPT_RUNS * 10) runs.subList(0, runs.size() - JobStore.KEPT_RUNS * 10).clear();
    }

    private void execute(Job job, JobRun run) {
        String error = null;
        String message;
        try {
            message = commands.isCommandLine(job.command()) ? runCommandLine(job.command()) : runSql(job, run);
        } catch (SQLException e) {
            error = CommandErrors.oneLine(e);
            message = error;
        } catch (RuntimeException e) {
            error = CommandErrors.oneLine(e);
            message = error;
        }
        finish(job, run, error == null, message);
    }

    private String runCommandLine(String line) {
        String error = commands.runForJob(line);
        if (error != null) throw new IllegalStateException(error);
        return "done";
    }

    private String runSql(Job job, JobRun run) throws SQLException {
        try (Connection c = pool.get().getConnection()) {
            synchronized (this) { runningOn.put(run.runId(), c.unwrap(PGConnection.class)); }
            try {
                return JobStatement.run(c, job.command());
            } finally {
                synchronized (this) { runningOn.remove(run.runId()); }
            }
        }
    }

    private synchronized void finish(Job job, JobRun run, boolean ok, String message) {
        JobRun done = run.finished(ok, message, Instant.now());
        int i = runs.indexOf(run);
        if (i >= 0) runs.set(i, done); else runs.add(done);
        Job current = jobs.get(job.id());   // the same job, or its replacement after a new cron.schedule
        boolean queued = job.queued || (current != null && current.queued);
        job.running = false;
        job.queued = false;
        if (current != null) {
            current.running = false;
            current.queued = false;
        }
        if (ok) listener.runSucceeded(done); else listener.runFailed(done);
        if (queued && current != null && current.active() && !stopped) start(current);
        save();
        notifyAll();
    }

    /**
     * Stops scheduling; waits up to {@code grace} for running statements, then cancels them and waits a
     * little longer. The jobs stay in the file (active ones run again in the next shell).
     */
    public void stop(Duration grace) {
        Thread t;
        synchronized (this) {
            if (stopped) return;
            stopped = true;
            for (Job j : jobs.values()) j.queued = false;
            t = ticker;
            notifyAll();
        }
        if (t != null) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            while (anyRunning() && System.nanoTime() < deadline) {
                try {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    break;
                }
            }
            for (PGConnection c : new ArrayList<>(runningOn.values())) {
                try {
                    c.cancelQuery();
                } catch (SQLException ignored) {
                    // the statement is ending anyway
                }
            }
        }
        workers.shutdown();
        try {
            workers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        synchronized (this) {
            save();
        }
    }

    private boolean anyRunning() {
        return jobs.values().stream().anyMatch(j -> j.running) || !runningOn.isEmpty();
    }

    public synchronized boolean stopped() { return stopped; }

    /** For tests: the runs of a job in the order they started. */
    synchronized List<JobRun> history() { return Collections.unmodifiableList(new ArrayList<>(runs)); }
}
