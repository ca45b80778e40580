package org.shardprep.walkthrough;

import org.shardprep.schedule.ClientScheduling;
import org.shardprep.command.CommandContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The jobs the session can see, as the exercise's cron.schedule made them: in shardprep's scheduler for this
 * database, or, where pg_cron is installed in it, in the server's cron.job.
 */
final class SessionJobs implements LessonDatabase.ScheduledJobs {

    private final CommandContext session;
    private final Connection connection;

    SessionJobs(CommandContext session, Connection connection) {
        this.session = session;
        this.connection = connection;
    }

    @Override
    public boolean exists(String name) throws SQLException {
        if (ClientScheduling.of(session).scheduler().find(name) != null) return true;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'pg_cron'")) {
            if (!rs.next()) return false;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM cron.job WHERE jobname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
