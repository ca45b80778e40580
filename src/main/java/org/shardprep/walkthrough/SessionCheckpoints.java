package org.shardprep.walkthrough;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks checkpoints for the session: on a pooled connection (never the session's own, which may sit in a
 * transaction the user opened), with Ctrl-C cancelling what they run.
 */
final class SessionCheckpoints {

    private interface Look<T> {
        T at(LessonDatabase db) throws SQLException;
    }

    private final CommandContext session;

    SessionCheckpoints(CommandContext session) {
        this.session = session;
    }

    Verdict check(Checkpoint checkpoint) {
        return look(checkpoint::check);
    }

    LessonProgress progress(Lesson lesson) {
        return look(db -> LessonProgress.read(lesson, db));
    }

    private <T> T look(Look<T> look) {
        try (Connection c = session.borrow()) {
            return look.at(new LessonDatabase(c, new SessionJobs(session, c)));
        } catch (SQLException e) {
            throw new CommandError("cannot check the database: " + CommandErrors.oneLine(e));
        }
    }
}
