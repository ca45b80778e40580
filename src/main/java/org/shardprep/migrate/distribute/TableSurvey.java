package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;

import org.shardprep.sql.scan.SqlQuoting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table as the distribution readiness check sees it: its keys, how many rows it has, how many of them lack
 * the distribution column, its own triggers (Citus distributes no table that has one), and what Citus already
 * made of it.
 *
 * @param rows          the row count, exact unless {@code rowsEstimated}
 * @param rowsEstimated true when rows is the planner's estimate (pg_class.reltuples) of a large table
 * @param nullRows      rows whose distribution column is NULL (0 when the column is NOT NULL or missing)
 * @param triggers      names of the table's own triggers (not the internal ones behind foreign keys)
 * @param citus         the table as Citus manages it, or empty
 */
public record TableSurvey(TableKeys keys, long rows, boolean rowsEstimated, long nullRows, List<String> triggers,
                          Optional<CitusServer.CitusTable> citus) {

    /** Below this estimate a table is counted exactly: quick, and small tables' estimates are often stale. */
    static final long COUNT_BELOW = 100_000;

    public String name() { return keys.name(); }

    public boolean hasColumn(String column) { return keys.column(column).isPresent(); }

    public static TableSurvey read(Connection c, TableKeys keys, String column, CitusServer citus) throws SQLException {
        long estimate;
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?")) {
            ps.setLong(1, keys.oid());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                estimate = rs.getLong(1);   // -1: never vacuumed or analyzed
            }
        }
        boolean estimated = estimate >= COUNT_BELOW;
        long rows = estimated ? estimate : count(c, "SELECT count(*) FROM " + keys.name());
        long nullRows = 0;
        if (keys.column(column).map(col -> !col.notNull()).orElse(false)) {
            nullRows = count(c, "SELECT count(*) FROM " + keys.name() + " WHERE " + identifier(column) + " IS NULL");
        }
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tgname FROM pg_trigger WHERE tgrelid = ? AND NOT tgisinternal ORDER BY 1")) {
            ps.setLong(1, keys.oid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) triggers.add(rs.getString(1));
            }
        }
        return new TableSurvey(keys, rows, estimated, nullRows, List.copyOf(triggers), citus.table(keys.name()));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A column name quoted as an identifier (always: right for keywords and mixed case alike). */
    static String identifier(String name) {
        return SqlQuoting.identifier(name);
    }
}
