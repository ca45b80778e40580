package org.shardprep.walkthrough;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checkpoint of the pg_cron look: where the order job will run. Either answer lets the lesson go on (the
 * exercise's cron.schedule works on both), so this one tells rather than tests.
 */
final class PgCronPresence implements Checkpoint {

    @Override
    public Verdict check(LessonDatabase db) throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'pg_cron'")) {
                if (rs.next()) return Verdict.ok("pg_cron " + rs.getString(1) + " is installed here: cron.schedule goes to the server");
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_cron'")) {
                if (rs.next()) {
                    return Verdict.ok("pg_cron is available but not created in this database: shardprep's scheduler answers cron.schedule");
                }
            }
        }
        return Verdict.ok("pg_cron is not installed here: shardprep's scheduler answers cron.schedule");
    }
}
