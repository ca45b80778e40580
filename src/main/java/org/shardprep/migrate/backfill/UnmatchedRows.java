package org.shardprep.migrate.backfill;

import org.shardprep.migrate.JoinPath;
import org.shardprep.migrate.PathFill;
import org.shardprep.migrate.SqlIdentifier;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a backfill cannot fill, named for the user: which key, and why (no row at some hop of the path, a NULL
 * join column, a NULL value at the end of the path). Only read when a {@link NullCensus} found some.
 */
public final class UnmatchedRows {

    static final int SHOWN = 10;

    private UnmatchedRows() {}

    /** "line_item_id 17 (no orders row with order_id 999), 42 (order_id is null)", the first few by key. */
    public static String describe(Connection c, BackfillTarget t, long count) throws SQLException {
        PathFill fill = t.fill();
        List<JoinPath.Hop> hops = t.path().hops();
        List<String> select = new ArrayList<>();
        select.add("ARRAY[" + String.join(", ", fill.keys().columns().stream().map(k -> "t0." + k + "::text").toList()) + "]");
        for (int i = 0; i < hops.size(); i++) {
            // each hop's join columns as text (null when one is: no row matches then), and whether the next table matched
            String alias = "t" + i + ".";
            List<String> cols = hops.get(i).columns().stream().map(col -> alias + SqlIdentifier.quote(col)).toList();
            String text = cols.size() == 1 ? cols.get(0) + "::text" : "ROW(" + String.join(", ", cols) + ")::text";
            select.add("CASE WHEN " + String.join(" OR ", cols.stream().map(col -> col + " IS NULL").toList()) + " THEN NULL ELSE "
                    + text + " END");
            select.add("t" + (i + 1) + "." + SqlIdentifier.quote(hops.get(i).referencedColumns().get(0)) + " IS NOT NULL");
        }
        String sql = "SELECT " + String.join(", ", select) + " FROM " + fill.joined() + " WHERE "
                + (t.columnExists() ? "t0." + t.column() + " IS NULL AND " : "") + fill.value() + " IS NULL "
                + "ORDER BY " + fill.keys().list("t0.") + " LIMIT " + SHOWN;
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add((rows.isEmpty() ? t.keyName() + " " : "") + key(rs.getArray(1)) + " (" + why(rs, t) + ")");
            }
        }
        return String.format(java.util.Locale.ROOT, "%,d %s of %s %s no %s.%s to take: %s%s", count, count == 1 ? "row" : "rows", t.tableName(),
                count == 1 ? "has" : "have", t.source(), t.path().endColumn(), String.join(", ", rows), count > rows.size() ? ", ..." : "");
    }

    private static String key(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        if (values.length == 1) return String.valueOf(values[0]);
        List<String> out = new ArrayList<>();
        for (Object v : values) out.add(String.valueOf(v));
        return "(" + String.join(", ", out) + ")";
    }

    /** The first hop where the row's way ends: "order_id is null", "no orders row with order_id 999", "orders.store_id is null for order_id 5000". */
    private static String why(ResultSet rs, BackfillTarget t) throws SQLException {
        List<JoinPath.Hop> hops = t.path().hops();
        String last = null;
        for (int i = 0; i < hops.size(); i++) {
            JoinPath.Hop h = hops.get(i);
            String on = rs.getString(2 + 2 * i);
            if (on == null) return (i == 0 ? "" : h.table() + ".") + names(h.columns()) + " is null";
            if (!rs.getBoolean(3 + 2 * i)) return "no " + h.referencedTable() + " row with " + names(h.referencedColumns()) + " " + on;
            last = names(h.referencedColumns()) + " " + on;
        }
        return t.source() + "." + t.path().endColumn() + " is null for " + last;
    }

    private static String names(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
    }
}
