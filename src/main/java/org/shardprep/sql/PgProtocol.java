package org.shardprep.sql;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.Tuple;
import org.shardprep.sql.render.ColumnInfo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * The one home of pgjdbc's internal {@code org.postgresql.core} API, for what JDBC does not give and psql needs:
 * one simple-protocol message whose every result comes back in order (rows as the server's text, each command's
 * tag, notices as they arrive), the transaction state of ReadyForQuery and the server's parameter status.
 * PgProtocolContractTest pins what we rely on, so a pgjdbc upgrade that changes it fails there, not at a user.
 */
public final class PgProtocol {

    /** What one simple-query message returns, in the order the server sends it. */
    public interface Results {
        /** The rows of one result; values are the server's text, null for NULL. */
        void rows(List<ColumnInfo> columns, List<String[]> rows);

        /** A command's tag ("INSERT 0 1", "SELECT 3"), after its rows when it returned some. */
        void commandStatus(String tag);

        /** A notice or warning, at once (a long DO block's notices appear while it runs). */
        default void notice(SQLWarning notice) {
        }
    }

    // simple protocol, as psql: one text message, no parameters, every result in text form, no BEGIN of pgjdbc's
    private static final int SIMPLE = QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN
            | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS | QueryExecutor.QUERY_NO_BINARY_TRANSFER | QueryExecutor.QUERY_ONESHOT;

    private final BaseConnection connection;

    private PgProtocol(BaseConnection connection) {
        this.connection = connection;
    }

    /** The protocol of a pgjdbc connection (a pooled one is unwrapped). */
    public static PgProtocol of(Connection connection) throws SQLException {
        return new PgProtocol(connection.unwrap(BaseConnection.class));
    }

    /**
     * Sends {@code sql} as one simple-query message, byte for byte as given (its {@code ;}s included, so the
     * server's error positions are psql's, and statements combined with {@code \;} run as one implicit
     * transaction); the first error the server reports is thrown at the end.
     */
    public void execute(String sql, Results results) throws SQLException {
        QueryExecutor qe = executor();
        // not createSimpleQuery: that splits at each ';' into messages of their own and drops the ';'s
        Query query = verbatim(qe, sql);
        Handler handler = new Handler(results);
        try {
            qe.execute(query, null, handler, 0, 0, SIMPLE);
        } finally {
            query.close();
        }
        SQLException error = handler.getException();
        if (error != null) throw error;
    }

    /** The text as one query, as given: no splitting at ';', no '?' parameters. */
    private static Query verbatim(QueryExecutor qe, String sql) throws SQLException {
        return qe.wrap(Parser.parseJdbcSql(sql, qe.getStandardConformingStrings(), false, false, false, false));
    }

    /** One column of a statement's described result: its name, type and type modifier. */
    public record DescribedColumn(String name, int oid, int typmod) {}

    /**
     * The columns {@code sql} would return, as libpq's PQprepare + PQdescribePrepared give them (the statement is
     * parsed and described on the server, not run); an empty list when it returns no rows.
     */
    public List<DescribedColumn> describe(String sql) throws SQLException {
        QueryExecutor qe = executor();
        // as given, one Parse (not split at ';', no '?' parameters): the server refuses several statements, as psql's
        // $n parameters get types the server infers (as PQprepare with no types): pgjdbc must know how many there are
        Query query = qe.wrap(List.of(new NativeQuery(sql, parameterPositions(sql), false, SqlCommand.BLANK)));
        List<DescribedColumn> columns = new ArrayList<>();
        ResultHandlerBase handler = new ResultHandlerBase() {
            @Override
            public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
                for (Field f : fields) columns.add(new DescribedColumn(f.getColumnLabel(), f.getOID(), f.getMod()));
            }
        };
        try {
            qe.execute(query, query.createParameterList(), handler, 0, 0, QueryExecutor.QUERY_DESCRIBE_ONLY | QueryExecutor.QUERY_SUPPRESS_BEGIN
                    | QueryExecutor.QUERY_NO_BINARY_TRANSFER | QueryExecutor.QUERY_ONESHOT);
        } finally {
            query.close();
        }
        SQLException error = handler.getException();
        if (error != null) throw error;
        return columns;
    }

    /** Where $1, $2 ... first stand in the text (outside quotes), one entry a parameter up to the highest used. */
    private static int[] parameterPositions(String sql) {
        java.util.Map<Integer, Integer> first = new java.util.TreeMap<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;   // a doubled quote closes and opens again: the same to this count
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int end = i + 1;
                while (end < sql.length() && Character.isDigit(sql.charAt(end)) && end - i < 6) end++;
                first.putIfAbsent(Integer.parseInt(sql.substring(i + 1, end)), i);
            }
        }
        int highest = first.isEmpty() ? 0 : ((java.util.TreeMap<Integer, Integer>) first).lastKey();
        int[] positions = new int[highest];
        for (int k = 0; k < highest; k++) positions[k] = first.getOrDefault(k + 1, 0);
        return positions;
    }


    public TransactionState transactionState() {
        return switch (executor().getTransactionState()) {
            case IDLE -> TransactionState.IDLE;
            case OPEN -> TransactionState.OPEN;
            case FAILED -> TransactionState.FAILED;
        };
    }

    /** A parameter the server reports (ParameterStatus), as libpq's PQparameterStatus; null if never reported. */
    public String parameterStatus(String name) { return executor().getParameterStatus(name); }

    public boolean standardConformingStrings() { return executor().getStandardConformingStrings(); }

    public String serverVersion() { return executor().getServerVersion(); }

    public int serverVersionNum() { return executor().getServerVersionNum(); }

    public String host() { return executor().getHostSpec().getHost(); }

    public int port() { return executor().getHostSpec().getPort(); }

    public boolean isClosed() { return executor().isClosed(); }

    /** How many statements pgjdbc's parser finds in the text; -1 when it cannot parse it. */
    public static int statementCount(String sql, boolean standardConformingStrings) {
        List<String> parts = statements(sql, standardConformingStrings);
        return parts == null ? -1 : parts.size();
    }

    /** The statements of a text, cut at its semicolons by pgjdbc's parser (without them); null when it cannot parse it. */
    public static List<String> statements(String sql, boolean standardConformingStrings) {
        try {
            List<String> parts = new ArrayList<>();
            for (var q : Parser.parseJdbcSql(sql, standardConformingStrings, false, true, false, false)) parts.add(q.nativeSql);
            return parts;
        } catch (SQLException e) {
            return null;
        }
    }

    private QueryExecutor executor() { return connection.getQueryExecutor(); }

    /** Turns pgjdbc's callbacks into {@link Results}; errors are kept (by the base class) for the end. */
    private static final class Handler extends ResultHandlerBase {
        private final Results results;

        Handler(Results results) {
            this.results = results;
        }

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            List<ColumnInfo> columns = new ArrayList<>(fields.length);
            for (Field f : fields) columns.add(new ColumnInfo(f.getColumnLabel(), f.getOID()));
            List<String[]> rows = new ArrayList<>(tuples.size());
            for (Tuple t : tuples) {
                String[] row = new String[fields.length];
                for (int i = 0; i < row.length; i++) {
                    byte[] v = t.get(i);
                    row[i] = v == null ? null : new String(v, StandardCharsets.UTF_8);
                }
                rows.add(row);
            }
            results.rows(columns, rows);
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            results.commandStatus(status);
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            results.notice(warning);
        }
    }
}
