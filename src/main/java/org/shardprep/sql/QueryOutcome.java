package org.shardprep.sql;

import java.sql.SQLException;

/** How one statement ended: fine, failed on the server, or the connection is gone. */
public record QueryOutcome(boolean success, SQLException error, boolean connectionLost) {
    public static final QueryOutcome OK = new QueryOutcome(true, null, false);

    public static QueryOutcome failed(SQLException e) {
        String state = e.getSQLState();
        boolean lost = state != null && state.startsWith("08");
        return new QueryOutcome(false, e, lost);
    }
}
