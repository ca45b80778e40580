package org.shardprep.shell.describe;

import org.shardprep.sql.PgProtocol;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.render.ColumnInfo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's PSQLexec for the describe commands: one catalog query on the session's connection, in the simple
 * protocol like psql, every value as the server's text (so booleans are "t"/"f" and NULL stays null).
 */
public final class CatalogQuery {

    /** The rows of one catalog query. */
    public record Result(List<ColumnInfo> columns, List<String[]> rows) {

        public int size() { return rows.size(); }

        /** The value as libpq's PQgetvalue gives it: "" for NULL. */
        public String get(int row, int column) {
            String v = rows.get(row)[column];
            return v == null ? "" : v;
        }

        public boolean isNull(int row, int column) { return rows.get(row)[column] == null; }

        boolean isTrue(int row, int column) { return "t".equals(rows.get(row)[column]); }
    }

    private CatalogQuery() {
    }

    public static Result run(SessionConnection connection, String sql) throws SQLException {
        Collector collector = new Collector();
        connection.protocol().execute(sql, collector);
        return new Result(collector.columns, collector.rows);
    }

    private static final class Collector implements PgProtocol.Results {
        private List<ColumnInfo> columns = List.of();
        private final List<String[]> rows = new ArrayList<>();

        @Override
        public void rows(List<ColumnInfo> columns, List<String[]> rows) {
            this.columns = columns;
            this.rows.addAll(rows);
        }

        @Override
        public void commandStatus(String tag) {
            // a catalog query's tag is not shown
        }
    }
}
