package org.shardprep.migrate.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a backfill cannot fill, named for the user: which key, and why (no source row, a NULL join
 * column, a NULL value in the source). Only read when a {@link NullCensus} found some.
 */
public final class UnmatchedRows {

    static final int SHOWN = 10;

    private UnmatchedRows() {}

    /** "line_item_id 17 (no orders row with order_id 999), 42 (order_id is null)", the first few by key. */
    public static String describe(Connection c, BackfillTarget t, long count) throws SQLException {
        String sql = "SELECT t." + t.key() + "::text, t." + t.on() + "::text, s." + t.sourceOn() + " IS NOT NULL FROM " + t.table()
                + " t LEFT JOIN " + t.source() + " s ON s." + t.sourceOn() + " = t." + t.on() + " WHERE "
                + (t.columnExists() ? "t." + t.column() + " IS NULL AND " : "") + "s." + t.column() + " IS NULL "
                + "ORDER BY t." + t.key() + " LIMIT " + SHOWN;
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String on = rs.getString(2);
                String why;
                if (on == null) why = t.onName() + " is null";
                else if (!rs.getBoolean(3)) why = "no " + t.source() + " row with " + t.sourceOnName() + " " + on;
                else why = t.source() + "." + t.columnName() + " is null for " + t.sourceOnName() + " " + on;
                rows.add((rows.isEmpty() ? t.keyName() + " " : "") + rs.getString(1) + " (" + why + ")");
            }
        }
        return String.format(java.util.Locale.ROOT, "%,d %s of %s %s no %s.%s to take: %s%s", count, count == 1 ? "row" : "rows", t.tableName(),
                count == 1 ? "has" : "have", t.source(), t.columnName(), String.join(", ", rows), count > rows.size() ? ", ..." : "");
    }
}
