package org.shardprep.walkthrough;

import org.shardprep.dataset.DatasetTable;
import org.shardprep.dataset.ExerciseCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoint of the load: the four tables hold the data set of the lesson's scale, the exercise's own check
 * of the four counts. Stores and products must match exactly; orders and line items may have grown, since
 * the order load adds to them from the next step on.
 */
final class LoadedTables implements Checkpoint {

    private final String scale;
    private final ExerciseCounts expected;

    LoadedTables(String scale, ExerciseCounts expected) {
        this.scale = scale;
        this.expected = expected;
    }

    @Override
    public Verdict check(LessonDatabase db) throws SQLException {
        Connection c = db.connection();
        List<String> counts = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (DatasetTable table : DatasetTable.values()) {
            String name = table.tableName();
            if (!exists(c, name)) {
                return Verdict.failed("table " + name + " does not exist",
                        "load-all --scale " + scale + " --fresh --yes creates the four tables and loads them");
            }
            long want = expected.rows(table);
            boolean grows = table == DatasetTable.ORDERS || table == DatasetTable.LINE_ITEMS;
            // stores and products are small at any scale: counted. The big two only need "at least": one row past
            // the data set's count tells fewer, equal and more apart, so a status at a small scale never counts
            // the whole of a full-size table
            long rows = countUpTo(c, name, grows ? want + 1 : Long.MAX_VALUE);
            String shown = grows && rows > want ? "more than " + want : String.valueOf(rows);
            if (grows ? rows < want : rows != want) {
                wrong.add(name + " has " + shown + " rows, the data set at scale " + scale + " has " + (grows ? "at least " : "") + want);
            }
            counts.add(name + " " + shown);
        }
        if (!wrong.isEmpty()) {
            return Verdict.failed(String.join("; ", wrong), "the tables hold other data; load-all --scale " + scale
                    + " --fresh --yes loads the data set again (walkthrough --from load starts the lesson over with it)");
        }
        return Verdict.ok(String.join(", ", counts));
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The rows of {@code fromWhere} ("t WHERE ..."), counted up to {@code limit}: the scan stops there. */
    static long countUpTo(Connection c, String fromWhere, long limit) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + fromWhere + " LIMIT " + limit + ") AS bounded")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows with store_id NULL, counted up to {@link #NULLS_SHOWN} (a NOT NULL column is not scanned at all). */
    static long nulls(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = to_regclass(?)"
                + " AND a.attname = 'store_id' AND NOT a.attisdropped")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) return 0;
            }
        }
        return countUpTo(c, table + " WHERE store_id IS NULL", NULLS_SHOWN + 1);
    }

    /** How many NULLs a checkpoint counts exactly; past that it says "more than". */
    static final long NULLS_SHOWN = 100_000;

    /** "1234", or "more than 100000": a count from {@link #nulls}. */
    static String nullsText(long nulls) {
        return nulls > NULLS_SHOWN ? "more than " + NULLS_SHOWN : String.valueOf(nulls);
    }
}
