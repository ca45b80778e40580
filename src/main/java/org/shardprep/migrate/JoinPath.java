package org.shardprep.migrate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a table's new column gets its value: joins followed one after the other (foreign keys, or a join the
 * user spelled), to a table whose column holds the value. Table names as regclass prints them, column names bare.
 *
 * @param hops      the joins, the first one from the table being filled
 * @param endTable  the table whose column holds the value
 * @param endColumn that column
 */
public record JoinPath(List<Hop> hops, String endTable, String endColumn) {

    /** One join: {@code table (columns) = referencedTable (referencedColumns)}. */
    public record Hop(String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
        public Hop {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public JoinPath {
        hops = List.copyOf(hops);
    }

    /** {@code clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Hop h : hops) {
            parts.add(h.table() + "." + columns(h.columns()));
            parts.add(h.referencedTable() + "." + columns(h.referencedColumns()));
        }
        String last = endTable + "." + endColumn;
        if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(last)) parts.add(last);
        return String.join(" → ", parts);
    }

    private static String columns(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
    }

    /**
     * The shortest path of foreign keys from the table to one that has the column (to {@code to} when not 0), as
     * prepare's planner finds it: ties go to the foreign key on the earlier column, then by name. A key the
     * partitions declare counts as the partitioned table's when every partition has it (one on some partitions
     * says nothing of the others' rows); keys of a table to itself are left out.
     *
     * @param column the column's name exactly as stored
     * @param to     the oid of the table the path must end at, or 0 for the nearest one with the column
     */
    public static Optional<JoinPath> shortest(Connection c, long from, String column, long to) throws SQLException {
        Map<Long, List<Edge>> edges = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(FOREIGN_KEYS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                edges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Edge(rs.getLong(4),
                        new Hop(rs.getString(2), strings(rs.getArray(3)), rs.getString(5), strings(rs.getArray(6)))));
            }
        }
        // breadth first in that order: the first table reached is on the shortest path that prefers the earlier keys
        Map<Long, Edge> cameBy = new LinkedHashMap<>();
        Deque<Long> queue = new ArrayDeque<>(List.of(from));
        cameBy.put(from, null);
        while (!queue.isEmpty()) {
            long at = queue.removeFirst();
            if (at != from && (to == 0 ? hasColumn(c, at, column) : at == to)) return Optional.of(path(cameBy, at, column));
            for (Edge e : edges.getOrDefault(at, List.of())) {
                if (cameBy.containsKey(e.to)) continue;
                cameBy.put(e.to, new Edge(at, e.hop));
                queue.addLast(e.to);
            }
        }
        return Optional.empty();
    }

    private record Edge(long to, Hop hop) {}

    private static JoinPath path(Map<Long, Edge> cameBy, long end, String column) {
        List<Hop> hops = new ArrayList<>();
        String endTable = null;
        for (Edge e = cameBy.get(end); e != null; e = cameBy.get(e.to)) {
            if (endTable == null) endTable = e.hop.referencedTable();
            hops.add(0, e.hop);
        }
        return new JoinPath(hops, endTable, column);
    }

    private static boolean hasColumn(Connection c, long table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = ? "
                + "AND attname = ? AND attnum > 0 AND NOT attisdropped)")) {
            ps.setLong(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Every table's foreign keys to other tables, by column names: a partitioned table's own, and one its partitions
     * declare each (pagila's payment), which holds for all its rows only when every leaf partition, or a table
     * above it, declares it. In the order paths prefer them: by table, then the first column's place, then the name.
     */
    private static final String FOREIGN_KEYS = """
            WITH fk AS (
              SELECT con.conname, con.conrelid, CASE WHEN k.relispartition THEN pg_partition_root(k.oid) ELSE k.oid END AS root,
                     ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY u(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS cols,
                     con.confrelid,
                     ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY u(attnum, ord)
                           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS refcols
              FROM pg_constraint con JOIN pg_class k ON k.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
              WHERE con.contype = 'f' AND con.conparentid = 0 AND NOT r.relispartition)
            SELECT f.root, f.root::regclass::text, f.cols, f.confrelid, f.confrelid::regclass::text, f.refcols
            FROM fk f
            WHERE f.root <> f.confrelid
            GROUP BY f.root, f.cols, f.confrelid, f.refcols
            HAVING bool_or(f.conrelid = f.root) OR NOT EXISTS (
              SELECT 1 FROM pg_partition_tree(f.root) leaf WHERE leaf.isleaf AND NOT EXISTS (
                SELECT 1 FROM fk g WHERE g.root = f.root AND g.cols = f.cols AND g.confrelid = f.confrelid AND g.refcols = f.refcols
                  AND g.conrelid IN (SELECT leaf.relid UNION ALL SELECT relid FROM pg_partition_ancestors(leaf.relid))))
            ORDER BY f.root, (SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = f.root AND a.attname = f.cols[1]), min(f.conname)
            """;

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object v : (Object[]) array.getArray()) out.add((String) v);
        return out;
    }
}
