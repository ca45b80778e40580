package org.shardprep.migrate.backfill;

import org.shardprep.migrate.QuietWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One keyset batch, one statement: the next {@code size} keys after the position (an index range scan on
 * the primary key, never a rescan from the start of the table), and among those rows the ones still NULL
 * are set from the source. Rows the application changed meanwhile are re-checked by the UPDATE and left
 * alone; rows locked by another transaction make the statement wait, up to the caller's lock_timeout.
 */
final class BackfillBatch {

    /** The last key of the batch (null when there was none), keys read, rows filled. */
    record Result(Object lastKey, int scanned, int filled) {}

    private final BackfillTarget t;
    private final boolean quiet;

    /** @param quiet keep the table's triggers from firing ({@link QuietWrites}): only the column changes */
    BackfillBatch(BackfillTarget target, boolean quiet) {
        this.t = target;
        this.quiet = quiet;
    }

    String sql(KeyPosition from) {
        return "WITH batch AS (SELECT " + t.key() + " AS k, " + t.column() + " IS NULL AS missing FROM " + t.table()
                + " WHERE " + from.condition(t.key()) + " ORDER BY " + t.key() + " LIMIT ?), "
                + "filled AS (UPDATE " + t.table() + " AS t SET " + t.column() + " = s." + t.column()
                + " FROM batch, " + t.source() + " AS s WHERE t." + t.key() + " = batch.k AND batch.missing AND t."
                + t.column() + " IS NULL AND s." + t.sourceOn() + " = t." + t.on() + " AND s." + t.column() + " IS NOT NULL RETURNING 1) "
                + "SELECT (SELECT k FROM batch ORDER BY k DESC LIMIT 1), (SELECT count(*) FROM batch), (SELECT count(*) FROM filled)";
    }

    Result run(Connection c, KeyPosition from, int size) throws SQLException {
        if (quiet) QuietWrites.apply(c);
        try (PreparedStatement ps = c.prepareStatement(sql(from))) {
            int p = 1;
            if (from.key() != null) ps.setObject(p++, from.key());
            ps.setInt(p, size);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Result(rs.getObject(1), rs.getInt(2), rs.getInt(3));
            }
        }
    }
}
