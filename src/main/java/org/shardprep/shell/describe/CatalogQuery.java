package org.shardprep.shell.describe;

import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.render.ColumnInfo;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's PSQLexec for the describe commands: one catalog query on the session's connection, in the simple
 * protocol like psql, every value as the server's text (so booleans are "t"/"f" and NULL stays null).
 */
final class CatalogQuery {

    /** The rows of one catalog query. */
    record Result(List<ColumnInfo> columns, List<String[]> rows) {

        int size() { return rows.size(); }

        /** The value as libpq's PQgetvalue gives it: "" for NULL. */
        String get(int row, int column) {
            String v = rows.get(row)[column];
            return v == null ? "" : v;
        }

        boolean isNull(int row, int column) { return rows.get(row)[column] == null; }

        boolean isTrue(int row, int column) { return "t".equals(rows.get(row)[column]); }
    }

    private CatalogQuery() {
    }

    static Result run(SessionConnection connection, String sql) throws SQLException {
        Collector collector = new Collector();
        QueryExecutor qe = connection.protocol();
        Query query = qe.createSimpleQuery(sql);
        try {
            qe.execute(query, null, collector, 0, 0,
                    QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_SUPPRESS_BEGIN
                            | QueryExecutor.QUERY_NO_BINARY_TRANSFER | QueryExecutor.QUERY_ONESHOT);
        } finally {
            query.close();
        }
        SQLException error = collector.getException();
        if (error != null) throw error;
        return new Result(collector.columns, collector.rows);
    }

    private static final class Collector extends ResultHandlerBase {
        private List<ColumnInfo> columns = List.of();
        private final List<String[]> rows = new ArrayList<>();

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            List<ColumnInfo> cols = new ArrayList<>(fields.length);
            for (Field f : fields) cols.add(new ColumnInfo(f.getColumnLabel(), f.getOID()));
            columns = cols;
            for (Tuple t : tuples) {
                String[] row = new String[fields.length];
                for (int i = 0; i < row.length; i++) {
                    byte[] v = t.get(i);
                    row[i] = v == null ? null : new String(v, StandardCharsets.UTF_8);
                }
                rows.add(row);
            }
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            // a catalog query's tag is not shown
        }
    }
}
