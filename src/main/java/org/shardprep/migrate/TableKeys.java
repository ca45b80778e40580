package org.shardprep.migrate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table's columns, keys and indexes as the catalog has them now: what the key swap plans from and what the
 * readiness check reports on. Read in one go per table, never cached (the point is to see the current state,
 * for example after a swap that stopped half-way).
 *
 * @param name        the table as regclass prints it (schema-qualified only when not on the search path)
 * @param schema      the table's schema, unquoted
 * @param relName     the table's own name, unquoted and without schema (what derived names start with)
 * @param oid         the table's pg_class oid
 * @param columns     by name, in column order
 * @param primaryKey  empty when the table has none
 * @param uniques     unique constraints (not the primary key)
 * @param foreignKeys foreign keys this table holds
 * @param referencedBy foreign keys of other tables (or this one) that point at this table
 * @param checks      check constraints, valid or NOT VALID
 * @param indexes     every index on the table, valid or not
 */
public record TableKeys(String name, String schema, String relName, long oid, Map<String, Column> columns, Optional<Key> primaryKey,
                        List<Key> uniques, List<ForeignKey> foreignKeys, List<ForeignKey> referencedBy,
                        List<Check> checks, List<Index> indexes) {

    /** A column: its type as format_type prints it, and whether it is NOT NULL. */
    public record Column(String name, String type, boolean notNull) {}

    /** A primary key or unique constraint: its name, columns in key order, and the index behind it. */
    public record Key(String name, List<String> columns, String indexName) {}

    /** A foreign key; valid is false while it is NOT VALID (added but not yet validated). */
    public record ForeignKey(String name, String table, List<String> columns, String referencedTable,
                             List<String> referencedColumns, boolean valid) {}

    /** A check constraint as pg_get_constraintdef prints it; valid is false while it is NOT VALID. */
    public record Check(String name, String definition, boolean valid) {}

    /** An index; valid is false for one a failed CREATE INDEX CONCURRENTLY left behind. */
    public record Index(String name, List<String> columns, boolean unique, boolean valid, boolean primary) {}

    /** The table by name as the user typed it (see TypedRelation), or empty when there is no such table. */
    public static Optional<TableKeys> read(Connection c, String table) throws SQLException {
        Optional<TypedRelation> found = TypedRelation.find(c, table).filter(TypedRelation::isTable);
        if (found.isEmpty()) return Optional.empty();
        TypedRelation r = found.get();
        return Optional.of(new TableKeys(r.name(), r.schema(), r.relName(), r.oid(), columns(c, r.oid()), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), List.of()).withConstraints(c).withIndexes(c));
    }

    /** shardprep's own staging schema (load-all): never the user's tables. */
    private static final String STAGING_SCHEMA = "shardprep_load";

    /**
     * The user's tables on the search path, as regclass prints them, in search-path order then by name:
     * ordinary and partitioned tables (not partitions, which go with their parent), leaving out shardprep's
     * staging schema and whatever an extension owns (pg_cron's cron schema, for one).
     */
    public static List<String> onSearchPath(Connection c) throws SQLException {
        return onSearchPath(c, null);
    }

    /** The tables of {@link #onSearchPath(Connection)} that have this column. */
    public static List<String> tablesWithColumn(Connection c, String column) throws SQLException {
        return onSearchPath(c, column);
    }

    private static List<String> onSearchPath(Connection c, String withColumn) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.oid::regclass::text
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN unnest(current_schemas(false)) WITH ORDINALITY s(name, pos) ON s.name = n.nspname
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname <> ?
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.deptype = 'e'
                                  AND ((d.classid = 'pg_namespace'::regclass AND d.objid = n.oid)
                                    OR (d.classid = 'pg_class'::regclass AND d.objid = c.oid)))
                  AND (?::text IS NULL OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                                                  AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped))
                ORDER BY s.pos, c.relname""")) {
            ps.setString(1, STAGING_SCHEMA);
            ps.setString(2, withColumn);
            ps.setString(3, withColumn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The column, or empty. */
    public Optional<Column> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The check constraint by name, or empty. */
    public Optional<Check> check(String checkName) {
        return checks.stream().filter(k -> k.name().equals(checkName)).findFirst();
    }

    /** The index by name, or empty. */
    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    private static Map<String, Column> columns(Connection c, long oid) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute "
                        + "WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) columns.put(rs.getString(1), new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        }
        return columns;
    }

    /** Column names of a key array, in key order (conkey/confkey/indkey are attnum arrays). */
    private static final String KEY_COLUMNS = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY k(attnum, ord) "
            + "JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.attnum ORDER BY k.ord)";

    private TableKeys withConstraints(Connection c) throws SQLException {
        Optional<Key> pk = Optional.empty();
        List<Key> uniques = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        List<ForeignKey> refs = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        String sql = "SELECT con.conname, con.contype, con.convalidated, ci.relname, "
                + String.format(KEY_COLUMNS, "con.conkey", "con.conrelid") + ", "
                + "con.conrelid::regclass::text, con.confrelid::regclass::text, "
                + String.format(KEY_COLUMNS, "con.confkey", "con.confrelid") + ", con.conrelid = ?, "
                + "pg_get_constraintdef(con.oid) FROM pg_constraint con LEFT JOIN pg_class ci ON ci.oid = con.conindid "
                + "WHERE (con.conrelid = ? AND con.contype IN ('p', 'u', 'f', 'c')) OR (con.contype = 'f' AND con.confrelid = ?) "
                + "ORDER BY con.conname";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, oid);
            ps.setLong(2, oid);
            ps.setLong(3, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String conName = rs.getString(1);
                    String type = rs.getString(2);
                    boolean own = rs.getBoolean(9);
                    List<String> cols = strings(rs.getArray(5));
                    switch (type) {
                        case "p" -> pk = Optional.of(new Key(conName, cols, rs.getString(4)));
                        case "u" -> uniques.add(new Key(conName, cols, rs.getString(4)));
                        case "c" -> checks.add(new Check(conName, rs.getString(10), rs.getBoolean(3)));
                        default -> {
                            ForeignKey fk = new ForeignKey(conName, rs.getString(6), cols, rs.getString(7),
                                    strings(rs.getArray(8)), rs.getBoolean(3));
                            if (own) fks.add(fk);
                            if (fk.referencedTable().equals(name)) refs.add(fk);
                        }
                    }
                }
            }
        }
        return new TableKeys(name, schema, relName, oid, columns, pk, List.copyOf(uniques), List.copyOf(fks), List.copyOf(refs),
                List.copyOf(checks), indexes);
    }

    private TableKeys withIndexes(Connection c) throws SQLException {
        List<Index> found = new ArrayList<>();
        String sql = "SELECT ic.relname, " + String.format(KEY_COLUMNS, "i.indkey::int2[]", "i.indrelid")
                + ", i.indisunique, i.indisvalid, i.indisprimary "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ? ORDER BY ic.relname";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Index(rs.getString(1), strings(rs.getArray(2)), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)));
                }
            }
        }
        return new TableKeys(name, schema, relName, oid, columns, primaryKey, uniques, foreignKeys, referencedBy, checks,
                List.copyOf(found));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add((String) v);
        return List.copyOf(out);
    }
}
