package org.shardprep.walkthrough;

/**
 * Checkpoints on the scheduled order load: scheduled from the schedule step until the lesson's last step
 * unschedules it, once the keys are swapped.
 */
final class LoadJob {

    private LoadJob() {}

    /** The job exists; or it is gone because the lesson ended (the keys are swapped). */
    static Checkpoint scheduled(String job, String scheduleSql) {
        return db -> {
            if (db.jobs().exists(job)) return Verdict.ok("job " + job + " is scheduled");
            if (DistributionKeys.swapProblems(db.connection()).isEmpty()) {
                return Verdict.ok("job " + job + " ran until the keys were swapped");
            }
            return Verdict.failed("no job named " + job + " is scheduled", "the lesson keeps an order load running while the tables change; "
                    + scheduleSql + " schedules it");
        };
    }

    /** The keys are swapped and the job is gone: the lesson is over. */
    static Checkpoint unscheduled(String job) {
        return db -> {
            if (!DistributionKeys.swapProblems(db.connection()).isEmpty()) {
                return Verdict.failed("the keys are not swapped yet", "the order job runs until after swap-pk run");
            }
            if (db.jobs().exists(job)) {
                return Verdict.failed("job " + job + " is still scheduled", "SELECT cron.unschedule('" + job + "'); removes it");
            }
            return Verdict.ok("no job named " + job + " is scheduled");
        };
    }
}
