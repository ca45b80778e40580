package org.shardprep.walkthrough;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the checkpoints look at: the database (on a connection of their own, never the session's, so that a
 * transaction the user left open changes nothing) and the scheduler that runs the order load.
 */
public record LessonDatabase(Connection connection, ScheduledJobs jobs) {

    /** Whether a job of that name is scheduled: in shardprep's client scheduler, or in pg_cron's cron.job. */
    @FunctionalInterface
    public interface ScheduledJobs {
        boolean exists(String name) throws SQLException;
    }
}
