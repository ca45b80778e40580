package org.shardprep.migrate.backfill;

import org.shardprep.command.CommandError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One backfill of a table at a time, also across shells: a session-level advisory lock on the runner's
 * connection, keyed by the table's oid, held for the whole run and released before the connection goes
 * back to the pool. It takes no lock on the table itself.
 */
public final class BackfillLock {

    /** "SPBF" in the high half of the lock key, the table's oid in the low half. */
    private static final long NAMESPACE = 0x53504246L << 32;

    private BackfillLock() {}

    static long key(BackfillTarget t) { return NAMESPACE | (t.tableOid() & 0xffffffffL); }

    /**
     * Whether a backfill of the table (named as SQL would name it) is running, in this shell or another: some
     * session holds its lock. pg_locks shows a bigint key's high half as classid and its low half as objid.
     */
    public static boolean held(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
                + "AND granted AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = to_regclass(?)::oid::bigint "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            ps.setLong(1, NAMESPACE >>> 32);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Takes the lock or says who holds it. */
    static void acquire(Connection c, BackfillTarget t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key(t));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) return;
            }
        }
        throw new CommandError("another session is backfilling " + t.tableName() + holder(c, t));
    }

    static void release(Connection c, BackfillTarget t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key(t));
            ps.execute();
        }
    }

    private static String holder(Connection c, BackfillTarget t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_locks WHERE locktype = 'advisory' "
                + "AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1 AND granted AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1")) {
            long key = key(t);
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? " (server process " + rs.getInt(1) + ")" : "";
            }
        }
    }
}
