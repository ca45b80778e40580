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
            long rows = count(c, name);
            long want = expected.rows(table);
            boolean grows = table == DatasetTable.ORDERS || table == DatasetTable.LINE_ITEMS;
            if (grows ? rows < want : rows != want) {
                wrong.add(name + " has " + rows + " rows, the data set at scale " + scale + " has " + (grows ? "at least " : "") + want);
            }
            counts.add(name + " " + rows);
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

    static long count(Connection c, String fromWhere) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + fromWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
