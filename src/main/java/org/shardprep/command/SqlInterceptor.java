package org.shardprep.command;

import org.shardprep.sql.QueryOutcome;

/**
 * A statement the shell answers itself instead of sending it (the exercise's pg_cron calls on a server
 * without pg_cron). CommandContext.execute asks before anything is sent; null means "not mine, send it".
 */
public interface SqlInterceptor {
    QueryOutcome intercept(String sql, CommandContext session);

    /** A line to add after the server refused a statement this interceptor stands in for, else null. */
    default String hintAfterError(String sql) { return null; }
}
