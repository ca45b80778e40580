package org.shardprep.migrate.backfill;

import org.shardprep.migrate.TypedRelation;

import org.shardprep.command.CommandError;
import org.shardprep.sql.scan.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A backfill checked against the catalog: the table and its one-column primary key (the keyset order), the
 * column to fill (present or still to add, with the source column's type), the source table and the column
 * both share, unique in the source. {@link #resolve} refuses anything else with one line, before anything
 * changes. SQL built from a target uses only the quoted names found here.
 */
public record BackfillTarget(
        long tableOid, String table, String tableName,
        String key, String keyName, boolean integerKey,
        String column, String columnName, String columnType, boolean columnExists,
        String source, String on, String onName, String sourceOn, String sourceOnName) {

    /** "line_items.store_id", for messages. */
    public String label() { return tableName + "." + columnName; }

    /** "line_items.store_id from orders on order_id" (on a=b where the names differ). */
    public String describe() { return label() + " from " + source + " on " + onName + (onName.equals(sourceOnName) ? "" : " = " + sourceOnName); }

    public BackfillTarget withColumnAdded() {
        return new BackfillTarget(tableOid, table, tableName, key, keyName, integerKey, column, columnName, columnType,
                true, source, on, onName, sourceOn, sourceOnName);
    }

    /** The instant, nullable ADD COLUMN of the exercise ("ALTER TABLE line_items ADD COLUMN store_id bigint"). */
    String addColumnSql() {
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column + " " + columnType;
    }

    /** Reads the catalog for {@code spec}; throws {@link CommandError} naming the first thing that is wrong. */
    public static BackfillTarget resolve(Connection c, BackfillSpec spec) throws SQLException {
        Relation table = relation(c, spec.table(), "table");
        Relation source = relation(c, spec.from(), "--from");
        if (table.oid == source.oid) throw new CommandError("--from must name another table than " + table.name);

        // --on a joins table.a = from.a, and must be a foreign key's; --on a=b spells both sides, backed or not
        String[] sides = spec.on() == null ? new String[] {null} : spec.on().split("=", 2);
        boolean explicit = sides.length == 2;
        Attribute on = attribute(c, table, sides[0].strip(), "--on");
        Attribute sourceOn = attribute(c, source, (explicit ? sides[1] : sides[0]).strip(), "--on");

        Attribute sourceColumn = findAttribute(c, source.oid, spec.column());
        if (sourceColumn == null) {
            throw new CommandError(source.name + " has no column \"" + spec.column() + "\" to copy into " + table.name);
        }
        Attribute column = findAttribute(c, table.oid, spec.column());
        if (column != null && !column.type.equals(sourceColumn.type)) {
            throw new CommandError(table.name + "." + column.name + " is " + column.type + " but " + source.name + "."
                    + sourceColumn.name + " is " + sourceColumn.type + ": backfill copies values of one type");
        }
        if (column != null && column.generated) {
            throw new CommandError(table.name + "." + column.name + " is a generated column and cannot be backfilled");
        }
        Attribute key = primaryKey(c, table);
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
        String columnName = column != null ? column.name : spec.column();
        return new BackfillTarget(table.oid, table.sql, table.name, quote(key.name), key.name, key.integer,
                quote(columnName), columnName, sourceColumn.type, column != null,
                source.sql, quote(on.name), on.name, quote(sourceOn.name), sourceOn.name);
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

    /** The keyset runs over a one-column primary key whose type min() and ordering know. */
    private static Attribute primaryKey(Connection c, Relation table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT array_length(con.conkey, 1), pg_get_constraintdef(con.oid), "
                + "a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.atttypid IN (20, 21, 23), "
                + "to_regprocedure('pg_catalog.min(' || format_type(a.atttypid, NULL) || ')') IS NOT NULL "
                + "FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1] "
                + "WHERE con.conrelid = ? AND con.contype = 'p'")) {
            ps.setLong(1, table.oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CommandError(table.name + " has no primary key: backfill walks the table in primary-key order");
                }
                if (rs.getInt(1) != 1) {
                    throw new CommandError(table.name + " has a primary key of " + rs.getInt(1) + " columns (" + rs.getString(2)
                            + "): backfill walks a one-column primary key");
                }
                if (!rs.getBoolean(7)) {
                    throw new CommandError(table.name + "'s primary key " + rs.getString(3) + " is " + rs.getString(5)
                            + ", which has no min(): backfill cannot walk it in order");
                }
                return new Attribute(rs.getString(3), rs.getShort(4), rs.getString(5), rs.getBoolean(6), false);
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
