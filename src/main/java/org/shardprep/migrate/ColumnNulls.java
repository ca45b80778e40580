package org.shardprep.migrate;


import org.shardprep.command.CommandError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A column's NULL count read from the database alone (no backfill of this session involved): whether the
 * column exists, and an exact count of its rows and NULLs, one sequential scan (about 0.2 s for the
 * exercise's 4 M line items). Shows the exercise's own pg_cron backfill too.
 */
public record ColumnNulls(String label, boolean columnExists, long rows, long nulls) {

    public static ColumnNulls count(Connection c, String table, String column) throws SQLException {
        TypedRelation found = TypedRelation.find(c, table)
                .orElseThrow(() -> new CommandError("table \"" + table + "\" does not exist"));
        String relation = found.name(), tableName = found.relName();
        String attname = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attnum > 0 AND NOT attisdropped AND attname IN (?, lower(?)) ORDER BY attname = ? DESC LIMIT 1")) {
            ps.setString(1, relation);
            ps.setString(2, column);
            ps.setString(3, column);
            ps.setString(4, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) attname = rs.getString(1);
            }
        }
        if (attname == null) return new ColumnNulls(tableName + "." + column, false, 0, 0);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE "
                + org.shardprep.sql.scan.SqlQuoting.identifier(attname) + " IS NULL) FROM " + relation)) {
            rs.next();
            return new ColumnNulls(tableName + "." + attname, true, rs.getLong(1), rs.getLong(2));
        }
    }
}
