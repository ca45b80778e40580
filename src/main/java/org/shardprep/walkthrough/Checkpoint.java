package org.shardprep.walkthrough;

import java.sql.SQLException;

/** A step's result as the database shows it; asked after the step ran, and for the checklist at any time. */
@FunctionalInterface
public interface Checkpoint {
    Verdict check(LessonDatabase db) throws SQLException;
}
