package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.SchemaGraph.ForeignKey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Foreign keys taken off while Citus distributes the tables they join, and what it takes to put them back. Citus
 * converts every table linked by foreign keys to a reference table into a Citus local table, then refuses keys
 * from those to a table being distributed; with the keys off, each table is distributed on its own, and the keys
 * come back NOT VALID and are then validated (rows written in between are checked then).
 *
 * <p>A key taken off is kept, whole, in {@code shardprep.foreign_keys_off} on the server, in the same transaction
 * that drops it: a run stopped half-way (Ctrl-C, a crash, an error) leaves the keys there, {@link SchemaGraph}
 * still sees them (so the plan does not change), and the next run puts them back. Its state: {@code off}, then
 * {@code added} (NOT VALID), then the row goes once the key is validated.
 */
public final class KeysOff {

    /** shardprep's own schema on the user's server: never the user's tables. */
    public static final String SCHEMA = "shardprep";

    static final String TABLE = SCHEMA + ".foreign_keys_off";

    /** A table's name with its schema, whatever the search_path (a run in another schema must find it). */
    private static final String QUALIFIED = "(SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?::regclass)";

    private KeysOff() {}

    /** A key taken off, whether it is back NOT VALID already, and when it was taken off (the server's clock). */
    public record Saved(ForeignKey key, boolean added, OffsetDateTime takenOffAt) {}

    /** The keys taken off and not yet back and validated; none when the table is not there. */
    public static List<Saved> read(Connection c) throws SQLException {
        List<Saved> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (!rs.getBoolean(1)) return out;
            }
            // kept schema-qualified; read back as this session's search_path names them (as SchemaGraph does)
            try (ResultSet rs = st.executeQuery("SELECT to_regclass(table_name)::text, name, columns, to_regclass(referenced_table)::text, "
                    + "referenced_columns, on_update, on_delete, is_deferrable, is_initially_deferred, match_type, state, taken_off_at FROM " + TABLE
                    + " WHERE to_regclass(table_name) IS NOT NULL AND to_regclass(referenced_table) IS NOT NULL ORDER BY table_name, name")) {
                while (rs.next()) {
                    out.add(new Saved(new ForeignKey(rs.getString(2), rs.getString(1), null, strings(rs.getArray(3)), rs.getString(4),
                            strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getString(10),
                            false, 0), rs.getString(11).equals("added"), rs.getObject(12, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    /** Keeps the keys and drops them, in the caller's transaction. */
    public static void takeOff(Connection x, List<ForeignKey> keys) throws SQLException {
        try (Statement st = x.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (table_name text, name text, columns text[], referenced_table text, "
                    + "referenced_columns text[], on_update text, on_delete text, is_deferrable boolean, is_initially_deferred boolean, "
                    + "match_type text, state text NOT NULL DEFAULT 'off', taken_off_at timestamptz NOT NULL DEFAULT now(), "
                    + "PRIMARY KEY (table_name, name))");
        }
        try (PreparedStatement ps = x.prepareStatement("INSERT INTO " + TABLE + " (table_name, name, columns, referenced_table, "
                + "referenced_columns, on_update, on_delete, is_deferrable, is_initially_deferred, match_type) VALUES ("
                + QUALIFIED + ", ?, ?, " + QUALIFIED + ", ?, ?, ?, ?, ?, ?)");
             Statement st = x.createStatement()) {
            for (ForeignKey fk : keys) {
                ps.setString(1, fk.table());
                ps.setString(2, fk.name());
                ps.setArray(3, x.createArrayOf("text", fk.columns().toArray()));
                ps.setString(4, fk.referencedTable());
                ps.setArray(5, x.createArrayOf("text", fk.referencedColumns().toArray()));
                ps.setString(6, fk.onUpdate());
                ps.setString(7, fk.onDelete());
                ps.setBoolean(8, fk.deferrable());
                ps.setBoolean(9, fk.initiallyDeferred());
                ps.setString(10, fk.matchType());
                ps.executeUpdate();
                st.execute("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + SqlIdentifier.quote(fk.name()));
            }
        }
    }

    /**
     * Puts a key back, in the caller's transaction: NOT VALID (no scan) on a plain table, marked {@code added}; a
     * partitioned table takes no NOT VALID key (PostgreSQL 15), so there it is added valid, checked at once, and done.
     *
     * @return whether it still needs validating
     */
    public static boolean putBack(Connection x, ForeignKey fk, boolean partitioned) throws SQLException {
        try (PreparedStatement ps = x.prepareStatement("SELECT convalidated FROM pg_constraint WHERE conrelid = ?::regclass AND conname = ?")) {
            ps.setString(1, fk.table());
            ps.setString(2, fk.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {   // someone put it back by hand: validated, or to validate
                    if (rs.getBoolean(1)) done(x, fk);
                    else markAdded(x, fk);
                    return !rs.getBoolean(1);
                }
            }
        }
        try (Statement st = x.createStatement()) {
            // The ALTER's own locks, taken in the order the application writes (the referenced row first): the ALTER
            // alone would hold the referencing table while it waits for a writer of the referenced one, which may be
            // about to write the referencing table, a deadlock that Citus settles by cancelling the writer.
            st.execute("LOCK TABLE " + (fk.referencedTable().equals(fk.table()) ? "" : fk.referencedTable() + ", ") + fk.table()
                    + " IN SHARE ROW EXCLUSIVE MODE");
            st.execute("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + SqlIdentifier.quote(fk.name()) + " FOREIGN KEY ("
                    + columns(fk.columns()) + ") REFERENCES " + fk.referencedTable() + " (" + columns(fk.referencedColumns()) + ")"
                    + fk.clauses() + (partitioned ? "" : " NOT VALID"));
        }
        if (partitioned) {
            done(x, fk);
            return false;
        }
        markAdded(x, fk);
        return true;
    }

    private static void markAdded(Connection x, ForeignKey fk) throws SQLException {
        try (PreparedStatement ps = x.prepareStatement("UPDATE " + TABLE + " SET state = 'added' WHERE table_name = " + QUALIFIED + " AND name = ?")) {
            ps.setString(1, fk.table());
            ps.setString(2, fk.name());
            ps.executeUpdate();
        }
    }

    /** Validates a key put back NOT VALID and forgets it, in the caller's transaction. */
    public static void validate(Connection x, ForeignKey fk) throws SQLException {
        try (Statement st = x.createStatement()) {
            st.execute("ALTER TABLE " + fk.table() + " VALIDATE CONSTRAINT " + SqlIdentifier.quote(fk.name()));
        }
        done(x, fk);
    }

    private static void done(Connection x, ForeignKey fk) throws SQLException {
        try (PreparedStatement ps = x.prepareStatement("DELETE FROM " + TABLE + " WHERE table_name = " + QUALIFIED + " AND name = ?")) {
            ps.setString(1, fk.table());
            ps.setString(2, fk.name());
            ps.executeUpdate();
        }
    }

    private static String columns(List<String> names) {
        return names.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) out.add((String) o);
        return List.copyOf(out);
    }
}
