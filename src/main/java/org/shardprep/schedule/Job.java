package org.shardprep.schedule;

import java.time.ZonedDateTime;

/** One scheduled job: what pg_cron keeps in cron.job, plus its run state in this shell. */
public final class Job {

    private final long id;
    private final String name;
    private final Schedule schedule;
    private final String command;
    private volatile boolean active;
    // run state, guarded by the scheduler's lock
    ZonedDateTime nextRun;
    boolean running;
    boolean queued;

    public Job(long id, String name, Schedule schedule, String command, boolean active) {
        this.id = id;
        this.name = name;
        this.schedule = schedule;
        this.command = command;
        this.active = active;
    }

    public long id() { return id; }

    public String name() { return name; }

    public Schedule schedule() { return schedule; }

    public String command() { return command; }

    public boolean active() { return active; }

    void setActive(boolean active) { this.active = active; }
}
