package org.shardprep.sql;

import org.shardprep.sql.render.PrintOptions;

import java.io.PrintWriter;

/** Where a statement's results and messages go, and how they are printed (psql's pset and quiet). */
public interface QueryOutput {
    /** Query results and command tags (stdout, or the \o target). */
    PrintWriter results();

    /** Notices, warnings and errors (stderr), one formatted message at a time. */
    void message(String text);

    PrintOptions printOptions();

    /** Terminal width for \x auto; 0 when not a terminal. */
    int terminalWidth();

    /** -q / QUIET: no command tags. */
    boolean quiet();

    /** psql's "psql:file:line: " before messages while a script runs; empty interactively. */
    String messagePrefix();

    /** Rows per FETCH when a query streams through a cursor. */
    int fetchCount();

    /** Rows a table printer may hold to compute widths: FETCH_COUNT when the user set it (psql prints
        each fetched chunk on its own then), 0 for the printer's default. */
    int printChunkRows();

    /** Where client-side COPY data comes from and goes to (psql's copyStream); null: no COPY here. */
    default org.shardprep.sql.CopyEndpoint copyEndpoint() { return null; }

    /** The reader has gone (the pager was quit): the rest of the result is not wanted, fetching stops. */
    default boolean resultsUnwanted() { return false; }

    /** Time spent printing results, which \timing leaves out as psql does (it times the query up to its result). */
    default void printingTook(long nanos) {}

    /** Where rows go instead of the printer (\\gset, \\gexec); null: they are printed. */
    default PgProtocol.Results capture() { return null; }

    /** psql's SHOW_ALL_RESULTS: off prints only the last result of statements combined with \\;. */
    default boolean showAllResults() { return true; }

    /** A statement failed: its message at full verbosity, which \\errverbose shows. */
    default void failed(String verboseMessage) {}

    /** psql's VERBOSITY. */
    org.shardprep.sql.render.MessageFormatter.Verbosity verbosity();

    /** A command's tag, where psql's PrintQueryStatus takes it (shown or not, QUIET aside): psql sets LASTOID there. */
    default void commandTag(String tag) {
    }

    /** psql's SHOW_CONTEXT: when errors and notices show their CONTEXT lines. */
    default org.shardprep.sql.render.MessageFormatter.ShowContext showContext() {
        return org.shardprep.sql.render.MessageFormatter.ShowContext.ERRORS;
    }
}
