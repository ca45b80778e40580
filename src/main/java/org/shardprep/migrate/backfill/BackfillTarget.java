package org.shardprep.migrate.backfill;

import org.shardprep.migrate.JoinPath;
import org.shardprep.migrate.Keyset;
import org.shardprep.migrate.PathFill;
import org.shardprep.migrate.TypedRelation;

import org.shardprep.command.CommandError;
import org.shardprep.sql.scan.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A backfill checked against the catalog: the table and the order it is walked in ({@link Keyset}: its primary key,
 * composite ones too, else the rows' addresses), the column to fill (present or still to add, with the source
 * column's type), and the {@link JoinPath} its values come along: the one join {@code --on} spells, or the shortest
 * path of foreign keys to {@code --from} (or, without it, to the nearest table with the column). {@link #resolve}
 * refuses anything else with one line, before anything changes. SQL built from a target uses only the names found here.
 *
 * @param found whether the path was found from the foreign keys (shown whole) rather than spelled by --on
 */
public record BackfillTarget(
        long tableOid, String table, String tableName, Keyset keys,
        String column, String columnName, String columnType, boolean columnExists,
        JoinPath path, boolean found) {

    /** "line_items.store_id", for messages. */
    public String label() { return tableName + "." + columnName; }

    /**
     * "line_items.store_id from orders on order_id" (on a=b where the names differ) for a join --on spells;
     * "clicks.company_id along clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id" for a found path.
     */
    public String describe() {
        if (found) return label() + " along " + path;
        JoinPath.Hop hop = path.hops().get(0);
        String on = hop.columns().get(0);
        String sourceOn = hop.referencedColumns().get(0);
        return label() + " from " + hop.referencedTable() + " on " + on + (on.equals(sourceOn) ? "" : " = " + sourceOn);
    }

    /** How the rows are walked, for messages: "line_item_id", "(a, b)", "ctid". */
    public String keyName() { return keys.describe(); }

    /** A one-column integer key: max() of it tells how far the table goes (for the estimate of rows left). */
    public boolean integerKey() { return keys.integer(); }

    /** The table the values come from (the end of the path). */
    public String source() { return path.endTable(); }

    /** The batch statement: {@link PathFill}, as prepare run fills. */
    PathFill fill() { return new PathFill(table, keys, columnName, path); }

    public BackfillTarget withColumnAdded() {
        return new BackfillTarget(tableOid, table, tableName, keys, column, columnName, columnType, true, path, found);
    }

    /** The instant, nullable ADD COLUMN of the exercise ("ALTER TABLE line_items ADD COLUMN store_id bigint"). */
    String addColumnSql() {
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column + " " + columnType;
    }

    /** Reads the catalog for {@code spec}; throws {@link CommandError} naming the first thing that is wrong. */
    public static BackfillTarget resolve(Connection c, BackfillSpec spec) throws SQLException {
        Relation table = relation(c, spec.table(), "table");
        Relation source = spec.from() == null ? null : relation(c, spec.from(), "--from");
        if (source != null && table.oid == source.oid) throw new CommandError("--from must name another table than " + table.name);
        JoinPath path;
        Attribute sourceColumn;
        if (spec.on() != null) {
            path = spelled(c, spec, table, source);
            sourceColumn = findAttribute(c, source.oid, path.endColumn());
        } else {
            // no --on: the foreign keys say where the values are, to --from or to the nearest table with the column
            if (source != null && findAttribute(c, source.oid, spec.column()) == null) {
                throw new CommandError(source.name + " has no column \"" + spec.column() + "\" to copy into " + table.name);
            }
            String name = source != null ? findAttribute(c, source.oid, spec.column()).name : spec.column();
            long to = source != null ? source.oid : 0;
            Optional<JoinPath> found = JoinPath.shortest(c, table.oid, name, to);
            if (found.isEmpty() && source == null && !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
                found = JoinPath.shortest(c, table.oid, name.toLowerCase(java.util.Locale.ROOT), 0);
            }
            if (found.isEmpty()) {
                throw new CommandError("no foreign key path leads from " + table.name + " to "
                        + (source != null ? source.name : "a table with a column \"" + spec.column() + "\"")
                        + partitionKeysHint(c, table)
                        + ": name the table the values come from with --from and spell the join with --on COLUMN=FROM_COLUMN");
            }
            path = found.get();
            Relation end = relation(c, path.endTable(), "--from");
            sourceColumn = findAttribute(c, end.oid, path.endColumn());
        }
        Attribute column = intoColumn(c, table, path.endTable(), sourceColumn, spec.column());
        String columnName = column != null ? column.name : sourceColumn.name;
        return new BackfillTarget(table.oid, table.sql, table.name, Keyset.read(c, table.oid),
                quote(columnName), columnName, sourceColumn.type, column != null, path, spec.on() == null);
    }

    /** The one join --on names: a foreign key's column, or both sides spelled (a=b), unique in --from. */
    private static JoinPath spelled(Connection c, BackfillSpec spec, Relation table, Relation source) throws SQLException {
        if (source == null) throw new CommandError("--on needs --from: the table the values come from");
        // --on a joins table.a = from.a, and must be a foreign key's; --on a=b spells both sides, backed or not
        String[] sides = spec.on().split("=", 2);
        boolean explicit = sides.length == 2;
        Attribute on = attribute(c, table, sides[0].strip(), "--on");
        Attribute sourceOn = attribute(c, source, (explicit ? sides[1] : sides[0]).strip(), "--on");

        Attribute sourceColumn = findAttribute(c, source.oid, spec.column());
        if (sourceColumn == null) {
            throw new CommandError(source.name + " has no column \"" + spec.column() + "\" to copy into " + table.name);
        }
        intoColumn(c, table, source.name, sourceColumn, spec.column());
        if (!uniqueOn(c, source.oid, sourceOn.number)) {
            throw new CommandError(source.name + "." + sourceOn.name + " is not unique (no primary key or unique index on it alone), "
                    + "so a row of " + table.name + " could match several rows of " + source.name);
        }
        comparable(c, table, on, source, sourceOn);
        if (!explicit && !foreignKey(c, table, on, source, sourceOn)) {
            throw new CommandError("no foreign key of " + table.name + " joins " + on.name + " to " + source.name + "." + sourceOn.name
                    + ", so nothing says the two " + on.name + " columns mean the same rows: spell both sides if they do (--on "
                    + on.name + "=" + sourceOn.name + ")" + foreignKeysHint(c, table, source));
        }
        return new JoinPath(List.of(new JoinPath.Hop(table.sql, List.of(on.name), source.sql, List.of(sourceOn.name))),
                source.sql, sourceColumn.name);
    }

    /** The table's column to fill, if it has it already: of the source column's type, and not generated. */
    private static Attribute intoColumn(Connection c, Relation table, String source, Attribute sourceColumn, String typed) throws SQLException {
        Attribute column = findAttribute(c, table.oid, sourceColumn.name);
        if (column == null && !sourceColumn.name.equals(typed)) column = findAttribute(c, table.oid, typed);
        if (column != null && !column.type.equals(sourceColumn.type)) {
            throw new CommandError(table.name + "." + column.name + " is " + column.type + " but " + source + "."
                    + sourceColumn.name + " is " + sourceColumn.type + ": backfill copies values of one type");
        }
        if (column != null && column.generated) {
            throw new CommandError(table.name + "." + column.name + " is a generated column and cannot be backfilled");
        }
        return column;
    }

    /** Whether a foreign key of the table is exactly (on) REFERENCES source (sourceOn). */
    private static boolean foreignKey(Connection c, Relation table, Attribute on, Relation source, Attribute sourceOn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid = ? "
                + "AND confrelid = ? AND conkey = ARRAY[?]::smallint[] AND confkey = ARRAY[?]::smallint[])")) {
            ps.setLong(1, table.oid);
            ps.setLong(2, source.oid);
            ps.setShort(3, on.number);
            ps.setShort(4, sourceOn.number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * " (foreign keys declared on some of its partitions only: payment_p2022_07 has none)": a key on some partitions
     * says nothing of the other partitions' rows, so it backs no path of the partitioned table.
     */
    private static String partitionKeysHint(Connection c, Relation table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(t.relid::regclass::text, ', ' ORDER BY t.relid::regclass::text) "
                + "FROM pg_partition_tree(?) t WHERE t.isleaf AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.contype = 'f' "
                + "AND con.conrelid = t.relid) AND EXISTS (SELECT 1 FROM pg_partition_tree(?) p JOIN pg_constraint con "
                + "ON con.conrelid = p.relid AND con.contype = 'f' WHERE p.relid <> ?)")) {
            ps.setLong(1, table.oid);
            ps.setLong(2, table.oid);
            ps.setLong(3, table.oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : " (its partitions declare foreign keys, but " + rs.getString(1)
                        + " none: they back no path for all its rows)";
            }
        }
    }

    /** "; its foreign keys to ads: ad_id → id" when the table has some, to show what --on could say. */
    private static String foreignKeysHint(Connection c, Relation table, Relation source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(a.attname || ' → ' || b.attname, ', ' ORDER BY a.attname) "
                + "FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1] "
                + "JOIN pg_attribute b ON b.attrelid = con.confrelid AND b.attnum = con.confkey[1] "
                + "WHERE con.contype = 'f' AND con.conrelid = ? AND con.confrelid = ? AND array_length(con.conkey, 1) = 1")) {
            ps.setLong(1, table.oid);
            ps.setLong(2, source.oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : "; its foreign keys to " + source.name + ": " + rs.getString(1);
            }
        }
    }

    private record Relation(long oid, String sql, String name) {}

    private record Attribute(String name, short number, String type, boolean integer, boolean generated) {}

    private static Relation relation(Connection c, String name, String role) throws SQLException {
        if (name == null || name.isBlank()) throw new CommandError(role + " must not be empty");
        TypedRelation r = TypedRelation.find(c, name).orElseThrow(() ->
                new CommandError((role.equals("table") ? "" : role + ": ") + "table \"" + name + "\" does not exist"));
        if (!r.isTable()) throw new CommandError("\"" + r.name() + "\" is " + relkind(r.relkind()) + ", not a table");
        return new Relation(r.oid(), r.name(), r.relName());
    }

    private static String relkind(String kind) {
        return switch (kind) {
            case "v" -> "a view";
            case "m" -> "a materialized view";
            case "S" -> "a sequence";
            case "f" -> "a foreign table";
            case "i", "I" -> "an index";
            default -> "not a table (relkind " + kind + ")";
        };
    }

    private static Attribute attribute(Connection c, Relation table, String name, String role) throws SQLException {
        if (name == null || name.isBlank()) throw new CommandError(role + " must not be empty");
        Attribute a = findAttribute(c, table.oid, name);
        if (a == null) throw new CommandError(role + ": column \"" + name + "\" of " + table.name + " does not exist");
        return a;
    }

    /** The column named exactly so, else its lower-case name (as an unquoted identifier would fold). */
    private static Attribute findAttribute(Connection c, long table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), "
                + "a.atttypid IN (20, 21, 23), a.attgenerated <> '' FROM pg_attribute a "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attname IN (?, lower(?)) "
                + "ORDER BY a.attname = ? DESC LIMIT 1")) {
            ps.setLong(1, table);
            ps.setString(2, name);
            ps.setString(3, name);
            ps.setString(4, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new Attribute(rs.getString(1), rs.getShort(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5));
            }
        }
    }

    /** A valid unique index (or the primary key) on that one column, without a predicate. */
    private static boolean uniqueOn(Connection c, long table, short column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = ? "
                + "AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indnkeyatts = 1 AND i.indkey[0] = ?)")) {
            ps.setLong(1, table);
            ps.setShort(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The join must plan: "text = bigint" is refused here, not in the first batch. */
    private static void comparable(Connection c, Relation table, Attribute on, Relation source, Attribute sourceOn) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("EXPLAIN SELECT 1 FROM " + table.sql + " t JOIN " + source.sql + " s ON s." + quote(sourceOn.name)
                    + " = t." + quote(on.name));
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                throw new CommandError("cannot join " + table.name + "." + on.name + " (" + on.type + ") with " + source.name
                        + "." + sourceOn.name + " (" + sourceOn.type + ")");
            }
            throw e;
        }
    }

    /** An identifier quoted for SQL, always (so names that need quotes and names that do not are handled alike). */
    static String quote(String identifier) {
        return SqlQuoting.identifier(identifier);
    }
}
