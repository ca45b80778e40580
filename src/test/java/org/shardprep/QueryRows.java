package org.shardprep;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a test reads back from a database of {@link TestServer}: counts, and rows to compare two states. */
public final class QueryRows {
    private QueryRows() {}

    /** SELECT count(*) FROM {@code fromWhere} (a table, or a table and its WHERE clause). */
    public static long count(String db, String fromWhere) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row of each query in turn, its columns joined by '|': a database's state, to compare with another's. */
    public static List<String> of(String db, String... queries) throws SQLException {
        try (Connection c = TestServer.connect(db)) {
            return of(c, queries);
        }
    }

    /** As above, on a connection of the caller's. */
    public static List<String> of(Connection c, String... queries) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String q : queries) {
                try (ResultSet rs = s.executeQuery(q)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder sb = new StringBuilder();
                        for (int i = 1; i <= n; i++) sb.append(rs.getString(i)).append('|');
                        rows.add(sb.toString());
                    }
                }
            }
        }
        return rows;
    }
}
