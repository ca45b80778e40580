package org.shardprep.prepare;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every table of the schemas on the search path as the catalog has it, read in one pass (a fixed number of
 * queries, whatever the number of tables): what {@link Planner} plans from. Partitions are not tables of their
 * own here: their foreign keys, unique indexes and triggers declared on them are read as their root's, marked
 * with the partition they are declared on. A column prepare run has added and not finished filling
 * ({@link RunMarks#FILLING}) is left out: the plan still fills it along its path.
 */
public final class SchemaGraph {

    /** A column: its type as format_type prints it, the type's oid (colocated columns need one type), NOT NULL. */
    public record Column(String name, String type, long typeOid, boolean notNull) {}

    public enum KeyKind {
        PRIMARY_KEY("primary key"), UNIQUE_CONSTRAINT("unique constraint"), UNIQUE_INDEX("unique index");

        private final String words;

        KeyKind(String words) { this.words = words; }

        public String words() { return words; }
    }

    /**
     * A primary key, unique constraint or unique index (a constraint's index is not listed again).
     *
     * @param table      the table it belongs to (the partitioned table for one declared on a partition)
     * @param declaredOn the partition it is declared on, or null when declared on the table itself
     * @param columns    key columns: names, or an index expression as pg_get_indexdef prints it
     * @param predicate  a partial index's WHERE, or null
     * @param oid        the constraint's oid (views depend on it), or the index's for a plain unique index
     */
    public record UniqueKey(KeyKind kind, String name, String table, String declaredOn, List<String> columns,
                            String predicate, long oid) {
        public String where() { return declaredOn == null ? table : declaredOn; }
    }

    /**
     * A foreign key with everything it must keep when it is re-pointed.
     *
     * @param table      the referencing table (the partitioned table for a key declared on a partition)
     * @param declaredOn the partition it is declared on, or null
     * @param onUpdate   NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT
     * @param matchType  SIMPLE, FULL or PARTIAL
     * @param oid        the constraint's oid; 0 for a key taken off by distribute run ({@link #off})
     */
    public record ForeignKey(String name, String table, String declaredOn, List<String> columns, String referencedTable,
                             List<String> referencedColumns, String onUpdate, String onDelete, boolean deferrable,
                             boolean initiallyDeferred, String matchType, boolean valid, long oid) {
        public String where() { return declaredOn == null ? table : declaredOn; }

        /** A key distribute run has taken off ({@link KeysOff}) and not yet put back: oid 0, not in the catalog now. */
        public boolean off() { return oid == 0; }

        /** The clauses after REFERENCES t (cols) that keep the key's behaviour, as pg_get_constraintdef would write them. */
        public String clauses() {
            StringBuilder s = new StringBuilder();
            if (matchType.equals("FULL")) s.append(" MATCH FULL");
            if (!onUpdate.equals("NO ACTION")) s.append(" ON UPDATE ").append(onUpdate);
            if (!onDelete.equals("NO ACTION")) s.append(" ON DELETE ").append(onDelete);
            if (deferrable) s.append(initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
            return s.toString();
        }
    }

    /**
     * A user trigger.
     *
     * @param before    fires BEFORE (not AFTER or INSTEAD OF)
     * @param row       FOR EACH ROW
     * @param function  the function as regproc prints it
     * @param language  the function's language (internal and c for built-in functions)
     * @param source    the function's body (prosrc)
     */
    public record Trigger(String name, String table, String declaredOn, boolean before, boolean row, String function,
                          String language, String source, String definition) {}

    /** A view, materialized view or rule that depends on one of a table's keys (it goes when the key is dropped). */
    public record Dependent(String kind, String name, String table, long keyOid, String keyName) {}

    /**
     * A table, with the partitions it holds.
     *
     * @param name       as regclass prints it (schema-qualified only when not on the search path)
     * @param partitions names of its partitions, at any depth
     * @param rows       the planner's estimate (pg_class.reltuples; -1 when never analyzed)
     */
    public record Table(long oid, String name, String schema, String relName, boolean partitioned,
                        Map<String, Column> columns, List<UniqueKey> keys, List<ForeignKey> foreignKeys,
                        List<Trigger> triggers, List<String> partitions, long rows) {

        public Optional<Column> column(String column) { return Optional.ofNullable(columns.get(column)); }

        public Optional<UniqueKey> primaryKey() {
            return keys.stream().filter(k -> k.kind() == KeyKind.PRIMARY_KEY && k.declaredOn() == null).findFirst();
        }
    }

    private final Map<String, Table> tables;
    private final List<Dependent> dependents;

    SchemaGraph(Collection<Table> tables, List<Dependent> dependents) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        this.tables = byName;
        this.dependents = List.copyOf(dependents);
    }

    /** Tables in search-path order, then by name (partitions left out: they go with their root). */
    public Collection<Table> tables() { return tables.values(); }

    public Optional<Table> table(String name) { return Optional.ofNullable(tables.get(name)); }

    public List<Dependent> dependents() { return dependents; }

    /** Every foreign key of every table. */
    public List<ForeignKey> foreignKeys() {
        return tables.values().stream().flatMap(t -> t.foreignKeys().stream()).toList();
    }

    /** The foreign keys that point at the table. */
    public List<ForeignKey> referencing(String table) {
        return foreignKeys().stream().filter(fk -> fk.referencedTable().equals(table)).toList();
    }

    /** shardprep's own staging schema (load-all): never the user's tables. */
    private static final String STAGING_SCHEMA = "shardprep_load";

    /** The tables on the search path, partitions included (with their root), leaving out extensions' tables. */
    private static final String TABLES = """
            WITH t AS (
              SELECT c.oid, c.oid::regclass::text AS name, n.nspname, c.relname, c.relkind, s.pos,
                     CASE WHEN c.relispartition THEN pg_partition_root(c.oid) ELSE c.oid END AS root,
                     c.reltuples::bigint AS reltuples
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN unnest(current_schemas(false)) WITH ORDINALITY s(name, pos) ON s.name = n.nspname
              WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('%s', '%s')
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.deptype = 'e'
                                AND ((d.classid = 'pg_namespace'::regclass AND d.objid = n.oid)
                                  OR (d.classid = 'pg_class'::regclass AND d.objid = c.oid)))%%s)
            """.formatted(STAGING_SCHEMA, KeysOff.SCHEMA);

    /**
     * On a Citus coordinator, Citus's own shards are tables of the same schema: those it knows, and the ones a
     * concurrent distribution leaves for its deferred cleanup (line_items_102105 was seen for a moment after
     * create_distributed_table_concurrently returned). Neither is the user's.
     */
    private static final String NOT_CITUS_SHARDS = """

                AND NOT pg_catalog.relation_is_a_known_shard(c.oid)
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_cleanup dc WHERE dc.object_type = 1
                                AND dc.object_name IN (format('%I.%I', n.nspname, c.relname), n.nspname || '.' || c.relname))""";

    /** Column names of an attnum array, in key order. */
    private static final String KEY_COLUMNS = "ARRAY(SELECT a.attname::text FROM unnest(%s) WITH ORDINALITY k(attnum, ord) "
            + "JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.attnum ORDER BY k.ord)";

    /** Reads the whole graph: seven queries (the first asks whether Citus's shards are to be left out). */
    public static SchemaGraph read(Connection c) throws SQLException {
        Map<Long, Builder> byOid = new LinkedHashMap<>();
        Map<Long, Builder> roots = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            String tables;
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('pg_catalog.pg_dist_cleanup') IS NOT NULL "
                    + "AND to_regproc('pg_catalog.relation_is_a_known_shard') IS NOT NULL")) {
                rs.next();
                tables = TABLES.formatted(rs.getBoolean(1) ? NOT_CITUS_SHARDS : "");
            }
            try (ResultSet rs = st.executeQuery(tables + "SELECT oid, name, nspname, relname, relkind, root, reltuples FROM t ORDER BY pos, relname")) {
                while (rs.next()) {
                    Builder b = new Builder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5).equals("p"), rs.getLong(6), rs.getLong(7));
                    byOid.put(b.oid, b);
                }
            }
            for (Builder b : byOid.values()) if (b.root == b.oid) roots.put(b.oid, b);
            for (Builder b : byOid.values()) {
                Builder root = roots.get(b.root);
                if (root != null && root != b) root.partitions.add(b.name);
            }
            try (ResultSet rs = st.executeQuery(tables + """
                    SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid, a.attnotnull
                    FROM pg_attribute a JOIN t ON t.oid = a.attrelid AND t.oid = t.root
                    WHERE a.attnum > 0 AND NOT a.attisdropped
                      AND col_description(a.attrelid, a.attnum) IS DISTINCT FROM '%s'
                    ORDER BY a.attrelid, a.attnum""".formatted(RunMarks.FILLING))) {
                while (rs.next()) {
                    byOid.get(rs.getLong(1)).columns.put(rs.getString(2),
                            new Column(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5)));
                }
            }
            // constraints cloned from a partitioned table's own (conparentid <> 0) are the parent's: not listed again
            try (ResultSet rs = st.executeQuery(tables + "SELECT con.oid, con.conname, con.contype, con.conrelid, "
                    + String.format(KEY_COLUMNS, "con.conkey", "con.conrelid") + ", con.confrelid::regclass::text, "
                    + String.format(KEY_COLUMNS, "con.confkey", "con.confrelid") + ", con.confupdtype, con.confdeltype, "
                    + "con.confmatchtype, con.condeferrable, con.condeferred, con.convalidated "
                    + "FROM pg_constraint con JOIN t ON t.oid = con.conrelid "
                    + "WHERE con.contype IN ('p', 'u', 'f') AND con.conparentid = 0 ORDER BY con.conname")) {
                while (rs.next()) {
                    Builder on = byOid.get(rs.getLong(4));
                    Builder root = roots.get(on.root);
                    String declaredOn = on == root ? null : on.name;
                    List<String> cols = strings(rs.getArray(5));
                    switch (rs.getString(3)) {
                        case "p" -> root.keys.add(new UniqueKey(KeyKind.PRIMARY_KEY, rs.getString(2), root.name, declaredOn, cols, null, rs.getLong(1)));
                        case "u" -> root.keys.add(new UniqueKey(KeyKind.UNIQUE_CONSTRAINT, rs.getString(2), root.name, declaredOn, cols, null, rs.getLong(1)));
                        default -> root.foreignKeys.add(new ForeignKey(rs.getString(2), root.name, declaredOn, cols, rs.getString(6),
                                strings(rs.getArray(7)), action(rs.getString(8)), action(rs.getString(9)), rs.getBoolean(11),
                                rs.getBoolean(12), match(rs.getString(10)), rs.getBoolean(13), rs.getLong(1)));
                    }
                }
            }
            // unique indexes that back no constraint; one attached to a partitioned table's index is the parent's
            try (ResultSet rs = st.executeQuery(tables + """
                    SELECT i.indexrelid, ic.relname, i.indrelid,
                           ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
                           pg_get_expr(i.indpred, i.indrelid)
                    FROM pg_index i JOIN t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
                    WHERE i.indisunique
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
                      AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
                    ORDER BY ic.relname""")) {
                while (rs.next()) {
                    Builder on = byOid.get(rs.getLong(3));
                    Builder root = roots.get(on.root);
                    root.keys.add(new UniqueKey(KeyKind.UNIQUE_INDEX, rs.getString(2), root.name, on == root ? null : on.name,
                            unquoted(strings(rs.getArray(4))), rs.getString(5), rs.getLong(1)));
                }
            }
            try (ResultSet rs = st.executeQuery(tables + """
                    SELECT tg.tgrelid, tg.tgname, tg.tgtype, tg.tgfoid::regproc::text, l.lanname, p.prosrc, pg_get_triggerdef(tg.oid)
                    FROM pg_trigger tg JOIN t ON t.oid = tg.tgrelid
                    JOIN pg_proc p ON p.oid = tg.tgfoid JOIN pg_language l ON l.oid = p.prolang
                    WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 ORDER BY tg.tgname""")) {
                while (rs.next()) {
                    Builder on = byOid.get(rs.getLong(1));
                    Builder root = roots.get(on.root);
                    int type = rs.getInt(3);
                    root.triggers.add(new Trigger(rs.getString(2), root.name, on == root ? null : on.name, (type & 2) != 0,
                            (type & 1) != 0, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            List<Dependent> dependents = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(tables + """
                    SELECT DISTINCT CASE WHEN r.rulename <> '_RETURN' THEN 'rule'
                                         WHEN v.relkind = 'm' THEN 'materialized view' ELSE 'view' END,
                           CASE WHEN r.rulename <> '_RETURN' THEN r.rulename::text ELSE v.oid::regclass::text END,
                           con.conrelid, con.oid, con.conname
                    FROM pg_depend d
                    JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                    JOIN pg_class v ON v.oid = r.ev_class
                    JOIN pg_constraint con ON d.refclassid = 'pg_constraint'::regclass AND con.oid = d.refobjid
                    JOIN t ON t.oid = con.conrelid
                    ORDER BY 2""")) {
                while (rs.next()) {
                    Builder on = byOid.get(rs.getLong(3));
                    dependents.add(new Dependent(rs.getString(1), rs.getString(2), roots.get(on.root).name, rs.getLong(4), rs.getString(5)));
                }
            }
            // keys distribute run has taken off are still the schema's: the plan must not change while they are off
            for (KeysOff.Saved off : KeysOff.read(c)) {
                if (off.added()) continue;
                roots.values().stream().filter(b -> b.name.equals(off.key().table())).findFirst()
                        .filter(b -> b.foreignKeys.stream().noneMatch(fk -> fk.name().equals(off.key().name())))   // put back by hand
                        .ifPresent(b -> b.foreignKeys.add(off.key()));
            }
            return new SchemaGraph(roots.values().stream().map(Builder::build).toList(), dependents);
        }
    }

    /** pg_constraint's confupdtype/confdeltype code as SQL says it. */
    static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }

    /** pg_get_indexdef quotes a column name as SQL needs it: the bare name, to compare with attnames. */
    private static List<String> unquoted(List<String> columns) {
        return columns.stream().map(s -> s.matches("\"([^\"]|\"\")*\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) out.add((String) v);
        return List.copyOf(out);
    }

    private static final class Builder {
        final long oid;
        final String name;
        final String schema;
        final String relName;
        final boolean partitioned;
        final long root;
        final long rows;
        final Map<String, Column> columns = new LinkedHashMap<>();
        final List<UniqueKey> keys = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<String> partitions = new ArrayList<>();

        Builder(long oid, String name, String schema, String relName, boolean partitioned, long root, long rows) {
            this.oid = oid;
            this.name = name;
            this.schema = schema;
            this.relName = relName;
            this.partitioned = partitioned;
            this.root = root;
            this.rows = rows;
        }

        Table build() {
            return new Table(oid, name, schema, relName, partitioned, java.util.Collections.unmodifiableMap(columns),
                    List.copyOf(keys), List.copyOf(foreignKeys), List.copyOf(triggers), List.copyOf(partitions), rows);
        }
    }
}
