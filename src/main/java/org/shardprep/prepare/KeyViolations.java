package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.SchemaGraph.ForeignKey;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rows that break a foreign key, as VALIDATE CONSTRAINT judges them (MATCH SIMPLE: a row with a NULL in the key
 * is not checked; MATCH FULL: nor a row all NULL, and one partly NULL breaks it): how many, and the first few keys.
 * VALIDATE names one row; a user deciding what to fix needs to see how many there are. Two plain queries, a count and
 * a LIMIT, so that Citus can run them on colocated and reference tables alike.
 */
public final class KeyViolations {

    /** Keys shown. */
    public static final int SAMPLES = 5;

    /** How many rows break the key, and the first keys in key order, each as "(v1, v2)". */
    public record Found(long rows, List<String> first) {}

    private KeyViolations() {}

    public static Found find(Connection c, ForeignKey fk) throws SQLException {
        List<String> cols = fk.columns().stream().map(col -> "t." + SqlIdentifier.quote(col)).toList();
        String noParent = "NOT EXISTS (SELECT 1 FROM " + fk.referencedTable() + " p WHERE "
                + IntStream.range(0, cols.size()).mapToObj(i -> "p." + SqlIdentifier.quote(fk.referencedColumns().get(i)) + " = " + cols.get(i))
                .collect(Collectors.joining(" AND ")) + ")";
        String allSet = cols.stream().map(col -> col + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String breaks = "(" + allSet + " AND " + noParent + ")";
        if (fk.matchType().equals("FULL") && cols.size() > 1) {
            breaks = "(" + breaks + " OR num_nulls(" + String.join(", ", cols) + ") BETWEEN 1 AND " + (cols.size() - 1) + ")";
        }
        String from = " FROM " + fk.table() + " t WHERE " + breaks;
        try (Statement st = c.createStatement()) {
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*)" + from)) {
                rs.next();
                rows = rs.getLong(1);
            }
            List<String> first = new ArrayList<>();
            String key = cols.stream().map(col -> "coalesce(" + col + "::text, 'NULL')").collect(Collectors.joining(" || ', ' || "));
            try (ResultSet rs = st.executeQuery("SELECT '(' || " + key + " || ')'" + from + " ORDER BY " + String.join(", ", cols)
                    + " LIMIT " + SAMPLES)) {
                while (rs.next()) first.add(rs.getString(1));
            }
            return new Found(rows, first);
        }
    }

    /** One line: "3 rows of line_items break line_items_orders_fkey: (store_id, order_id) = (5, 12), (5, 13), (7, 2)". */
    public static String describe(ForeignKey fk, Found found) {
        return found.rows() + (found.rows() == 1 ? " row of " : " rows of ") + fk.table() + (found.rows() == 1 ? " breaks " : " break ")
                + fk.name() + ": (" + String.join(", ", fk.columns()) + ") = " + String.join(", ", found.first())
                + (found.rows() > found.first().size() ? ", ..." : "");
    }
}
