package org.shardprep.schedule;

import java.time.Duration;
import java.time.Instant;

/** One run of a job, as cron.job_run_details: status running, succeeded or failed, and a one-line message. */
public record JobRun(long runId, long jobId, String jobName, String command, String status,
                     Instant start, Instant end, String message) {

    public static final String RUNNING = "running", SUCCEEDED = "succeeded", FAILED = "failed";

    JobRun finished(boolean ok, String msg, Instant at) {
        return new JobRun(runId, jobId, jobName, command, ok ? SUCCEEDED : FAILED, start, at, msg);
    }

    public Duration duration() {
        return end == null ? null : Duration.between(start, end);
    }
}
