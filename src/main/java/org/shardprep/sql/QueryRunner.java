package org.shardprep.sql;

import org.postgresql.util.PSQLException;
import org.shardprep.sql.render.ColumnInfo;
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
    private static final java.util.Set<String> TRANSACTION_CONTROL =
            java.util.Set.of("begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare");

    /** For our own BEGIN and COMMIT: nothing of theirs is shown. */
    private static final PgProtocol.Results IGNORED = new PgProtocol.Results() {
        @Override public void rows(List<ColumnInfo> columns, List<String[]> rows) { }
        @Override public void commandStatus(String tag) { }
    };

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
        List<String> parts = combinedWithCopy(sql);
        if (parts != null) return executeCombinedCopy(sql, parts, output);
        CopyStatement.Direction copy = CopyStatement.clientSide(statement);   // data through the client: CopyManager
        CopyEndpoint endpoint = copy == null ? null : output.copyEndpoint();
        if (endpoint != null) return new CopyRunner(session).run(sql, copy, endpoint, output);
        if (output.fetchCount() > 0 && output.capture() == null && streamsThroughCursor(statement)) {
            try {
                return executeWithCursor(sql, output);
            } catch (SQLException e) {
                report(e, sql, 0, output);
                return QueryOutcome.failed(e, session.isClosed());
            }
        }
        return executeOnce(sql, sql, 0, output);
    }

    /**
     * {@code text} as one message, its results printed. Messages are placed in {@code whole}, of which {@code text}
     * starts at {@code start} (a part of statements combined with \; runs on its own: see executeCombinedCopy).
     */
    private QueryOutcome executeOnce(String text, String whole, int start, QueryOutput output) {
        try {
            ResultStream stream = new ResultStream(output, whole, false, -start);
            PgProtocol.Results last = output.capture() != null ? new CapturedResults(output.capture(), stream) : stream;
            OneResultBehind results = new OneResultBehind(output.showAllResults() ? stream : null, last);
            try {
                run(text, results);
            } catch (SQLException e) {
                results.endAfterError();
                throw e;
            }
            results.end();
            stream.finishTable();
            return output.capture() != null ? QueryOutcome.OK : QueryOutcome.ok(stream.rowCount());
        } catch (SQLException e) {
            report(e, whole, -start, output);
            return QueryOutcome.failed(e, session.isClosed());
        }
    }

    /**
     * The parts of statements combined with \; when one of them is a client-side COPY (FROM STDIN, TO STDOUT), else
     * null. Not when a part is transaction control (the parts run in a transaction of their own), when only the last
     * result is to be shown (SHOW_ALL_RESULTS off) or when the result is captured (\gset, \gexec): those texts go
     * as they are, and the server's COPY is refused by pgjdbc with one line.
     */
    private List<String> combinedWithCopy(String sql) {
        List<String> parts = PgProtocol.statements(sql, session.standardConformingStrings());
        if (parts == null || parts.size() < 2) return null;
        boolean copy = false;
        for (String part : parts) {
            if (CopyStatement.clientSide(part) != null) copy = true;
            if (TRANSACTION_CONTROL.contains(LeadingWords.wordAt(part, LeadingWords.skipWhiteSpace(part, 0)))) return null;
        }
        return copy ? parts : null;
    }

    /**
     * psql sends statements combined with \; as one message, one implicit transaction, a COPY among them moving
     * its data in the middle; pgjdbc moves COPY data only when the COPY is the whole text. So here each part is sent
     * on its own, in order, inside one transaction (BEGIN ... COMMIT, unless the user's is open): the first error
     * stops the rest and undoes what ran, as in the one message, and the data lines of the COPY FROM STDINs not
     * reached are passed over, never run as SQL. Messages are placed in the whole text, as the server places them.
     */
    private QueryOutcome executeCombinedCopy(String sql, List<String> parts, QueryOutput output) {
        if (output.capture() != null || !output.showAllResults()) return refuseCombinedCopy(parts, output);
        boolean own = session.transactionState() == TransactionState.IDLE;
        CopyEndpoint endpoint = output.copyEndpoint();
        int fromStdinLeft = 0;
        for (String part : parts) if (CopyStatement.clientSide(part) == CopyStatement.Direction.FROM_STDIN) fromStdinLeft++;
        QueryOutcome outcome = QueryOutcome.OK;
        try {
            if (own) run("BEGIN", IGNORED);
            int from = 0;
            for (String part : parts) {
                String text = part.strip();
                int start = Math.max(sql.indexOf(text, from), 0);
                from = start + text.length();
                CopyStatement.Direction copy = CopyStatement.clientSide(text);
                if (copy == CopyStatement.Direction.FROM_STDIN) fromStdinLeft--;
                outcome = copy != null && endpoint != null ? new CopyRunner(session).run(text, copy, endpoint, output)
                        : executeOnce(text, sql, start, output);
                if (!outcome.success()) break;
            }
            if (own && outcome.success()) run("COMMIT", IGNORED);
        } catch (SQLException e) {
            report(e, sql, 0, output);
            outcome = QueryOutcome.failed(e, session.isClosed());
        }
        if (!outcome.success()) {
            if (own && !session.isClosed()) rollbackQuietly();
            skipData(endpoint, fromStdinLeft);
        }
        return outcome;
    }

    /** Combined with \; where the parts cannot run one by one: refused before anything is sent, data passed over. */
    private QueryOutcome refuseCombinedCopy(List<String> parts, QueryOutput output) {
        String prefix = output.messagePrefix();
        output.message(prefix + (prefix.isEmpty() ? "" : "error: ")
                + "COPY FROM STDIN and COPY TO STDOUT cannot be combined with other statements (\\;) here; nothing was run");
        int fromStdin = 0;
        for (String part : parts) if (CopyStatement.clientSide(part) == CopyStatement.Direction.FROM_STDIN) fromStdin++;
        skipData(output.copyEndpoint(), fromStdin);
        return new QueryOutcome(false, null, false);
    }

    private static void skipData(CopyEndpoint endpoint, int copies) {
        try {
            for (int i = 0; i < copies && endpoint != null; i++) endpoint.skipData();
        } catch (IOException ignored) {
            // the input ended: nothing more to pass over
        }
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
