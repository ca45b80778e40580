package org.shardprep.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The order a fill walks a table in, in keyset batches: its primary key (composite ones too), else the ctid,
 * which a partitioned table repeats in each partition, so there it is (tableoid, ctid). Positions are kept as the
 * key's text values and cast back to the key's types.
 *
 * @param columns the key as SQL (quoted column names, or ctid and tableoid)
 * @param names   the same for people
 * @param types   each column's type, as format_type prints it
 */
public record Keyset(List<String> columns, List<String> names, List<String> types) {

    private static final Set<String> INTEGERS = Set.of("bigint", "integer", "smallint");

    public Keyset {
        columns = List.copyOf(columns);
        names = List.copyOf(names);
        types = List.copyOf(types);
    }

    /** The primary key's columns with their types, or the row's address when there is none (empty lists). */
    public static Keyset of(List<String> keyColumns, List<String> keyTypes, boolean partitioned) {
        if (keyColumns.isEmpty()) {
            return partitioned ? new Keyset(List.of("tableoid", "ctid"), List.of("tableoid", "ctid"), List.of("oid", "tid"))
                    : new Keyset(List.of("ctid"), List.of("ctid"), List.of("tid"));
        }
        return new Keyset(keyColumns.stream().map(SqlIdentifier::quote).toList(), keyColumns, keyTypes);
    }

    /** The table's keyset as the catalog has it now (a partitioned table's own primary key). */
    public static Keyset read(Connection c, long table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        boolean partitioned;
        try (PreparedStatement ps = c.prepareStatement("SELECT k.relkind = 'p', a.attname, format_type(a.atttypid, a.atttypmod) "
                + "FROM pg_class k LEFT JOIN pg_constraint con ON con.conrelid = k.oid AND con.contype = 'p' "
                + "LEFT JOIN unnest(con.conkey) WITH ORDINALITY u(attnum, ord) ON true "
                + "LEFT JOIN pg_attribute a ON a.attrelid = k.oid AND a.attnum = u.attnum WHERE k.oid = ? ORDER BY u.ord")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                partitioned = false;
                while (rs.next()) {
                    partitioned = rs.getBoolean(1);
                    if (rs.getString(2) != null) {
                        names.add(rs.getString(2));
                        types.add(rs.getString(3));
                    }
                }
            }
        }
        return of(names, types, partitioned);
    }

    /** One column of an integer type: max() of it tells how far the table goes. */
    public boolean integer() { return columns.size() == 1 && INTEGERS.contains(types.get(0)); }

    /** "line_item_id", "(a, b)", "ctid": for messages. */
    public String describe() {
        return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
    }

    /** "t0.a, t0.b" */
    public String list(String alias) {
        return String.join(", ", columns.stream().map(k -> alias + k).toList());
    }

    /** "(a, b) > (?::bigint, ?::text)": the condition of a keyset position, one parameter a column. */
    public String after(String alias, boolean inclusive) {
        List<String> params = types.stream().map(t -> "?::" + t).toList();
        return "(" + list(alias) + ") " + (inclusive ? ">=" : ">") + " (" + String.join(", ", params) + ")";
    }
}
