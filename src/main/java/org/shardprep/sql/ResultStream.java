package org.shardprep.sql;

import org.postgresql.util.PSQLWarning;
import org.shardprep.sql.render.ColumnInfo;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ResultPrinter;
import org.shardprep.sql.render.ServerMessage;

import java.sql.SQLWarning;
import java.util.List;
import java.util.Locale;

/**
 * Receives what the server sends for one statement text, as it arrives: rows go to a printer, command tags
 * are printed as psql prints them, notices are shown at once (a long DO block's notices appear while it runs).
 */
final class ResultStream implements PgProtocol.Results {

    private final QueryOutput output;
    private final String query;
    private final boolean cursorMode;
    private final int positionOffset;
    private ResultPrinter printer;
    private long rowsInResult;
    private long lastFetchRows;
    private long rowCount;

    /** pgjdbc's command status for the server's EmptyQueryResponse; no real command has this tag. */
    private static final String EMPTY_QUERY = "EMPTY";

    /**
     * @param positionOffset characters we put before the user's statement (DECLARE ... FOR): positions in
     *                       the server's messages are shifted back by that much
     */
    ResultStream(QueryOutput output, String query, boolean cursorMode, int positionOffset) {
        this.output = output;
        this.query = query;
        this.cursorMode = cursorMode;
        this.positionOffset = positionOffset;
    }

    /** A server message with its caret position relative to the user's text rather than what we sent. */
    static ServerMessage relativeTo(ServerMessage m, int offset) {
        if (offset == 0 || m.position() == 0) return m;
        return m.withPosition(m.position() > offset ? m.position() - offset : 0);
    }

    @Override
    public void rows(List<ColumnInfo> columns, List<String[]> rows) {
        lastFetchRows = rows.size();
        if (cursorMode) rowCount += rows.size();   // psql's ROW_COUNT: every row the FETCHes brought
        if (output.resultsUnwanted()) return;   // the pager was quit: nothing more is formatted
        long start = System.nanoTime();
        if (printer == null) {
            printer = output.printChunkRows() > 0
                    ? ResultPrinter.create(output.printOptions(), output.results(), output.terminalWidth(), output.printChunkRows())
                    : ResultPrinter.create(output.printOptions(), output.results(), output.terminalWidth());
            printer.start(columns);
            rowsInResult = 0;
        }
        rowsInResult += rows.size();
        printer.rows(rows);
        output.printingTook(System.nanoTime() - start);
    }

    @Override
    public void commandStatus(String status) {
        if (cursorMode) return;   // BEGIN/DECLARE/FETCH/CLOSE are ours, not the user's
        rowCount = affectedRows(status);
        if (status.equals(EMPTY_QUERY)) return;   // psql prints nothing for an empty query (a lone ";")
        if (printer != null) {
            finishTable();
            // psql also prints the tag after the rows of INSERT/UPDATE/DELETE/MERGE ... RETURNING
            String verb = status.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (!(verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE"))) return;
        }
        output.commandTag(status);
        if (!output.quiet()) {
            output.results().println(ResultPrinter.statusLine(output.printOptions(), status));
            output.results().flush();
        }
    }

    /**
     * A FETCH failed: what was printed stays, without the footer, as psql's ExecQueryUsingCursor leaves it (each
     * FETCH's rows are printed as they come, so nothing is buffered).
     */
    void abandonTable() {
        if (printer == null) return;
        output.results().flush();
        printer = null;
    }

    /** Ends the current table, if one is open (also used at the end of a cursor fetch loop). */
    void finishTable() {
        if (printer != null) {
            long start = System.nanoTime();
            printer.finish(rowsInResult);
            output.results().flush();
            printer = null;
            output.printingTook(System.nanoTime() - start);
        }
    }

    /** Rows the last FETCH returned: fewer than asked means the cursor is exhausted. */
    long lastFetchRows() { return lastFetchRows; }

    /** psql's ROW_COUNT for what has run: the last command's count, or all rows fetched through the cursor. */
    long rowCount() { return rowCount; }

    /** libpq's PQcmdTuples: the count in an INSERT/SELECT/UPDATE/DELETE/MERGE/FETCH/MOVE/COPY tag, else 0. */
    static long affectedRows(String tag) {
        String[] words = tag.split(" ");
        String verb = words[0];
        int at = verb.equals("INSERT") ? 2
                : java.util.Set.of("SELECT", "DELETE", "UPDATE", "FETCH", "MERGE", "MOVE", "COPY").contains(verb) ? 1 : -1;
        if (at < 0 || words.length <= at) return 0;
        try {
            return Long.parseLong(words[at]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    void resetFetchCount() { lastFetchRows = 0; }

    @Override
    public void notice(SQLWarning warning) {
        String text;
        if (warning instanceof PSQLWarning w && w.getServerErrorMessage() != null) {
            ServerMessage m = relativeTo(ServerMessage.from(w.getServerErrorMessage()), positionOffset);
            text = MessageFormatter.format(m, query, output.verbosity(), output.showContext());
        } else {
            text = "WARNING:  " + warning.getMessage();
        }
        output.message(output.messagePrefix() + text);
    }
}
