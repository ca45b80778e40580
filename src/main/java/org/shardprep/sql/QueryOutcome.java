package org.shardprep.sql;

import java.sql.SQLException;

/** How one statement ended: fine, failed on the server, or the connection is gone. */
public record QueryOutcome(boolean success, SQLException error, boolean connectionLost) {
    public static final QueryOutcome OK = new QueryOutcome(true, null, false);

    /** @param connectionClosed whether the connection is closed now (a FATAL from the server closes it) */
    public static QueryOutcome failed(SQLException e, boolean connectionClosed) {
        String state = e.getSQLState();
        boolean lost = connectionClosed || (state != null && state.startsWith("08"));
        return new QueryOutcome(false, e, lost);
    }

    /** The server said why (a FATAL message) rather than the socket just breaking. */
    public boolean serverExplained() {
        return error instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null;
    }
}
