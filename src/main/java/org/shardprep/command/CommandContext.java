package org.shardprep.command;

import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryOutput;
import org.shardprep.sql.SessionConnection;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a shardprep command may use of the shell it runs in: the session's connection, a pooled connection
 * for work beside it, where its lines and tables go (through psql's printers and settings), Ctrl-C, the
 * console for progress and questions, and background work. Features see this, never the shell's session.
 */
public interface CommandContext extends QueryOutput {

    // ---- the database

    /** The session's own connection (what the user's statements run on). */
    SessionConnection connection();

    /**
     * A pooled connection for work beside the session (never the session's own), with the session's search_path,
     * cancelled by Ctrl-C while it is borrowed. Closing it resets it and gives it back: use try-with-resources.
     */
    Connection borrow() throws SQLException;

    /** The pool itself, for background work that outlives the command (an order load, a scheduled job). */
    javax.sql.DataSource pool();

    /** Runs SQL as the user's statement would run (printed, timed, recorded). */
    QueryOutcome execute(String sql);

    /** The database the session is on, as files of ours name it (saved jobs, lesson records). */
    DatabaseKey databaseKey();

    // ---- output

    /** The command's own output (stdout); query-like results go to {@link #results()}. */
    PrintWriter out();

    /** Runs body with {@link #results()} going through the pager, as a long query result does at a terminal. */
    void paged(Runnable body);

    /** A status line ("Loaded ...", a summary): stdout, unless QUIET, as psql's are. */
    void info(String line);

    /** A line from background work: above the prompt at a terminal, else on stdout. */
    void notice(String line);

    /** A shell-side error as psql prints its own: with the script's name and line where there is one. */
    void error(String message);

    /** The console: whether the user watches, progress lines, questions. */
    Console console();

    // ---- the user

    /** Whether the user types at a prompt (not a script). */
    boolean interactive();

    /** Ctrl-C since the command began. */
    boolean interrupted();

    /** A command that handles Ctrl-C itself (a watch that just ends) starts afresh. */
    void clearInterrupt();

    /** How many Ctrl-Cs the session has seen (a command that runs others compares before and after). */
    long interruptCount();

    /** A file name as typed, against the session's working directory (\cd). */
    Path resolve(String fileName);

    // ---- the session's memory

    /** Work that goes on after a command returns, stopped when the shell leaves. */
    BackgroundWork background();

    /** The timed statements and commands (\timing, timing history). */
    TimingLog timingLog();

    /** Statements the shell answers itself instead of the server (client-side pg_cron). */
    void setSqlInterceptor(SqlInterceptor interceptor);
}
