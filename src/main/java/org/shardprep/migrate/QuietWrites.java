package org.shardprep.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes that change one column and nothing else: the user's triggers must not fire on the rows a backfill or
 * prepare run fills (pagila's last_update trigger rewrote every rental's last_update when they did).
 * {@code session_replication_role = replica} in the writing transaction keeps ordinary triggers from firing,
 * where the role may set it; a trigger enabled ALWAYS fires even then. Both are checked before anything changes,
 * on the table and on each of its partitions (an UPDATE through the parent fires the partitions' own triggers).
 */
public final class QuietWrites {

    private QuietWrites() {}

    /** Keeps ordinary triggers from firing for the rest of the caller's transaction. */
    public static void apply(Connection x) throws SQLException {
        try (Statement st = x.createStatement()) {
            st.execute("SET LOCAL session_replication_role = replica");
        }
    }

    /** Whether this role may set session_replication_role (a superuser, or GRANT SET ON PARAMETER on 15+). */
    public static boolean allowed(Connection c, ShortLockTransaction tx) throws SQLException {
        try {
            tx.run(c, x -> {
                apply(x);
                x.rollback();
                return null;
            });
            return true;
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) return false;
            throw e;
        }
    }

    /**
     * Why the rows of the table cannot be filled without a trigger firing, in one sentence; empty when they can.
     *
     * @param replica whether this role may set session_replication_role ({@link #allowed})
     * @param column  the column being filled, for the way out
     */
    public static Optional<String> refusal(Connection c, String table, String column, boolean replica) throws SQLException {
        List<String> firing = new ArrayList<>();
        List<String> always = new ArrayList<>();
        // a partition's own trigger is named with its partition; one cloned from the table's is the table's
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT tgname || CASE WHEN tgrelid = ?::regclass OR tgparentid <> 0 THEN '' "
                + "ELSE ' (on ' || tgrelid::regclass || ')' END, tgenabled FROM pg_trigger "
                + "WHERE (tgrelid = ?::regclass OR tgrelid IN (SELECT relid FROM pg_partition_tree(?::regclass))) AND NOT tgisinternal "
                + "AND tgenabled <> 'D' AND (tgtype & 16) <> 0 ORDER BY 1")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setString(3, table);   // pg_partition_tree returns nothing for a table that is not partitioned
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) (rs.getString(2).equals("A") ? always : firing).add(rs.getString(1));
            }
        }
        if (!always.isEmpty()) {
            return Optional.of(table + ": trigger " + String.join(", ", always) + " is ENABLE ALWAYS and would fire on every row filled: "
                    + "ALTER TABLE " + table + " DISABLE TRIGGER for the run, or fill " + column + " yourself");
        }
        if (!firing.isEmpty() && !replica) {
            return Optional.of(table + ": trigger " + String.join(", ", firing) + " would fire on every row filled and this role may not set "
                    + "session_replication_role: run as a superuser, GRANT SET ON PARAMETER session_replication_role, or disable the trigger for the run");
        }
        return Optional.empty();
    }
}
