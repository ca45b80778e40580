package org.shardprep.sql;

import org.postgresql.util.PSQLException;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ServerMessage;
import org.shardprep.sql.scan.LeadingWords;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sends one statement text (as the scanner cut it) to the server and prints what comes back, as psql's
 * SendQuery does. A single SELECT/VALUES/TABLE streams through a cursor, FETCH by FETCH, so a result of
 * millions of rows runs in constant memory (psql does the same when FETCH_COUNT is set).
 */
public final class QueryRunner {

    private static final String CURSOR = "_shardprep_cursor";
    private static final Pattern INTO = Pattern.compile("(?i)\\binto\\b");

    /** libpq's words when the server goes away under a statement. */
    public static final String CONNECTION_CLOSED = "server closed the connection unexpectedly\n"
            + "\tThis probably means the server terminated abnormally\n"
            + "\tbefore or while processing the request.";

    private final SessionConnection session;

    public QueryRunner(SessionConnection session) {
        this.session = session;
    }

    public QueryOutcome execute(String sql, QueryOutput output) {
        String statement = stripTrailingSemicolon(sql);
        if (refusedCombinedCopy(sql, output)) return new QueryOutcome(false, null, false);
        CopyStatement.Direction copy = CopyStatement.clientSide(statement);   // data through the client: CopyManager
        CopyEndpoint endpoint = copy == null ? null : output.copyEndpoint();
        if (endpoint != null) return new CopyRunner(session).run(sql, copy, endpoint, output);
        try {
            if (output.fetchCount() > 0 && output.capture() == null && streamsThroughCursor(statement)) {
                return executeWithCursor(sql, output);
            }
            ResultStream stream = new ResultStream(output, sql, false, 0);
            PgProtocol.Results last = output.capture() != null ? new CapturedResults(output.capture(), stream) : stream;
            OneResultBehind results = new OneResultBehind(output.showAllResults() ? stream : null, last);
            try {
                run(sql, results);
            } catch (SQLException e) {
                results.endAfterError();
                throw e;
            }
            results.end();
            stream.finishTable();
            return output.capture() != null ? QueryOutcome.OK : QueryOutcome.ok(stream.rowCount());
        } catch (SQLException e) {
            report(e, sql, 0, output);
            return QueryOutcome.failed(e, session.isClosed());
        }
    }

    /**
     * A client-side COPY among statements combined with \; : psql runs it, but pgjdbc can only move COPY data for
     * a text that is the COPY alone. Refused before anything is sent (so the other parts do not run either), and the
     * data lines of each COPY FROM STDIN are passed over, never run as SQL.
     */
    private boolean refusedCombinedCopy(String sql, QueryOutput output) {
        List<String> parts = PgProtocol.statements(sql, session.standardConformingStrings());
        if (parts == null || parts.size() < 2) return false;
        int fromStdin = 0;
        boolean copy = false;
        for (String part : parts) {
            CopyStatement.Direction d = CopyStatement.clientSide(part);
            if (d != null) copy = true;
            if (d == CopyStatement.Direction.FROM_STDIN) fromStdin++;
        }
        if (!copy) return false;
        String prefix = output.messagePrefix();
        output.message(prefix + (prefix.isEmpty() ? "" : "error: ")
                + "COPY FROM STDIN and COPY TO STDOUT cannot be combined with other statements (\\;); nothing was run");
        CopyEndpoint endpoint = output.copyEndpoint();
        try {
            for (int i = 0; i < fromStdin && endpoint != null; i++) endpoint.skipData();
        } catch (IOException ignored) {
            // the input ended: nothing more to pass over
        }
        return true;
    }

    /** psql's FETCH_COUNT path: BEGIN (unless already in a transaction), DECLARE, FETCH until short, CLOSE. */
    private QueryOutcome executeWithCursor(String sql, QueryOutput output) throws SQLException {
        boolean ownTransaction = session.transactionState() == TransactionState.IDLE;
        String declare = "DECLARE " + CURSOR + " NO SCROLL CURSOR FOR\n";
        ResultStream stream = new ResultStream(output, sql, true, declare.length());
        try {
            if (ownTransaction) run("BEGIN", stream);
            run(declare + sql, stream);
        } catch (SQLException e) {
            // psql, with FETCH_COUNT set, shows the position in the DECLARE it sent (LINE 2 for the user's line 1);
            // our own cursor, used when it is not set, must not show
            if (output.printChunkRows() > 0) report(e, declare + sql, 0, output);
            else report(e, sql, declare.length(), output);
            if (ownTransaction) rollbackQuietly();
            return QueryOutcome.failed(e, session.isClosed());
        }
        try {
            String fetch = "FETCH FORWARD " + output.fetchCount() + " FROM " + CURSOR;
            do {
                stream.resetFetchCount();
                run(fetch, stream);
            } while (stream.lastFetchRows() == output.fetchCount() && !output.resultsUnwanted());   // psql stops when the pager is gone
            stream.finishTable();
            run("CLOSE " + CURSOR, stream);
            if (ownTransaction) run("COMMIT", stream);
            return QueryOutcome.ok(stream.rowCount());
        } catch (SQLException e) {
            stream.abandonTable();
            report(e, sql, 0, output);
            if (ownTransaction) rollbackQuietly();
            return QueryOutcome.failed(e, session.isClosed());
        }
    }

    private void run(String text, PgProtocol.Results stream) throws SQLException {
        session.protocol().execute(text, stream);
    }

    private void rollbackQuietly() {
        try (var st = session.jdbc().createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the connection is gone or the state is already clean: nothing more to undo
        }
    }

    /** Prints the error as psql does; positions in a wrapped statement are shifted back to the user's text. */
    private void report(SQLException e, String sql, int offset, QueryOutput output) {
        output.message(output.messagePrefix() + describe(e, sql, offset, output.verbosity(), output.showContext()));
        output.failed(describe(e, sql, offset, MessageFormatter.Verbosity.VERBOSE, MessageFormatter.ShowContext.ALWAYS));
    }

    public static String describe(SQLException e, String sql, int offset, MessageFormatter.Verbosity verbosity) {
        return describe(e, sql, offset, verbosity, MessageFormatter.ShowContext.ERRORS);
    }

    public static String describe(SQLException e, String sql, int offset, MessageFormatter.Verbosity verbosity,
                           MessageFormatter.ShowContext context) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerMessage m = ResultStream.relativeTo(ServerMessage.from(p.getServerErrorMessage()), offset);
            return MessageFormatter.format(m, sql, verbosity, context);
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) return CONNECTION_CLOSED;
        return "ERROR:  " + e.getMessage();
    }

    /** psql only streams plain queries: a SELECT ... INTO or anything with data-modifying WITH cannot be a cursor. */
    boolean streamsThroughCursor(String statement) {
        return streamsThroughCursor(statement, session.standardConformingStrings());
    }

    static boolean streamsThroughCursor(String statement, boolean standardConformingStrings) {
        if (!isSelect(statement)) return false;
        if (INTO.matcher(statement).find()) return false;
        return PgProtocol.statementCount(statement, standardConformingStrings) == 1;
    }

    /** psql's is_select_command, and TABLE: the first word after white space, comments and opening parentheses. */
    static boolean isSelect(String statement) {
        int i = LeadingWords.skipWhiteSpace(statement, 0);
        while (i < statement.length() && statement.charAt(i) == '(') i = LeadingWords.skipWhiteSpace(statement, i + 1);
        String word = LeadingWords.wordAt(statement, i);
        return word.equals("select") || word.equals("values") || word.equals("table");
    }

    static String stripTrailingSemicolon(String sql) {
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) end--;
        return sql.substring(0, end);
    }

}
