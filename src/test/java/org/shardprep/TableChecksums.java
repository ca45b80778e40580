package org.shardprep;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data before and after, for "no value changed": each table of a schema with its columns as they are now, and
 * a checksum of its rows over given columns (a count and one md5 of the rows' text, sorted), so that columns a
 * command adds later are left out of the comparison.
 */
public final class TableChecksums {

    private TableChecksums() {}

    /** Every table of the schema (partitioned tables whole, not their partitions) with its columns, quoted, in order. */
    public static Map<String, String> columns(String db, String schema) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT k.oid::regclass::text, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
                FROM pg_class k JOIN pg_attribute a ON a.attrelid = k.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE k.relnamespace = '%s'::regnamespace AND k.relkind IN ('r', 'p') AND NOT k.relispartition
                GROUP BY k.oid ORDER BY 1""".formatted(schema))) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /** Each table's rows over the given columns: "count md5". */
    public static Map<String, String> checksums(String db, Map<String, String> columns) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            for (Map.Entry<String, String> t : columns.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) "
                        + "FROM (SELECT ROW(" + t.getValue() + ")::text r FROM " + t.getKey() + ") x")) {
                    rs.next();
                    out.put(t.getKey(), rs.getString(1));
                }
            }
        }
        return out;
    }
}
