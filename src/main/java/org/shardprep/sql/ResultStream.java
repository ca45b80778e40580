package org.shardprep.sql;

import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLWarning;
import org.shardprep.sql.render.ColumnInfo;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ResultPrinter;
import org.shardprep.sql.render.ServerMessage;

import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Receives what the server sends for one statement text, as it arrives: rows go to a printer, command tags
 * are printed as psql prints them, notices are shown at once (a long DO block's notices appear while it runs).
 */
final class ResultStream extends ResultHandlerBase {

    private final QueryOutput output;
    private final String query;
    private final boolean cursorMode;
    private final int positionOffset;
    private ResultPrinter printer;
    private long rowsInResult;
    private long lastFetchRows;

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
    public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
        if (printer == null) {
            List<ColumnInfo> columns = new ArrayList<>(fields.length);
            for (Field f : fields) columns.add(new ColumnInfo(f.getColumnLabel(), f.getOID()));
            printer = output.printChunkRows() > 0
                    ? ResultPrinter.create(output.printOptions(), output.results(), output.terminalWidth(), output.printChunkRows())
                    : ResultPrinter.create(output.printOptions(), output.results(), output.terminalWidth());
            printer.start(columns);
            rowsInResult = 0;
        }
        List<String[]> chunk = new ArrayList<>(tuples.size());
        for (Tuple t : tuples) {
            String[] row = new String[fields.length];
            for (int i = 0; i < row.length; i++) {
                byte[] v = t.get(i);
                row[i] = v == null ? null : new String(v, StandardCharsets.UTF_8);
            }
            chunk.add(row);
        }
        lastFetchRows = tuples.size();
        rowsInResult += tuples.size();
        printer.rows(chunk);
    }

    @Override
    public void handleCommandStatus(String status, long updateCount, long insertOID) {
        if (cursorMode) return;   // BEGIN/DECLARE/FETCH/CLOSE are ours, not the user's
        if (printer != null) {
            finishTable();
            // psql also prints the tag after the rows of INSERT/UPDATE/DELETE/MERGE ... RETURNING
            String verb = status.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (!(verb.equals("INSERT") || verb.equals("UPDATE") || verb.equals("DELETE") || verb.equals("MERGE"))) return;
        }
        if (!output.quiet()) {
            output.results().println(status);
            output.results().flush();
        }
    }

    /** Ends the current table, if one is open (also used at the end of a cursor fetch loop). */
    void finishTable() {
        if (printer != null) {
            printer.finish(rowsInResult);
            output.results().flush();
            printer = null;
        }
    }

    /** Rows the last FETCH returned: fewer than asked means the cursor is exhausted. */
    long lastFetchRows() { return lastFetchRows; }

    void resetFetchCount() { lastFetchRows = 0; }

    @Override
    public void handleWarning(SQLWarning warning) {
        String text;
        if (warning instanceof PSQLWarning w && w.getServerErrorMessage() != null) {
            ServerMessage m = relativeTo(ServerMessage.from(w.getServerErrorMessage()), positionOffset);
            text = MessageFormatter.format(m, query, output.verbosity());
        } else {
            text = "WARNING:  " + warning.getMessage();
        }
        output.message(output.messagePrefix() + text);
    }
}
