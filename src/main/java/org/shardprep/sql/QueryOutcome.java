package org.shardprep.sql;

import java.sql.SQLException;

/**
 * How one statement ended: fine, failed on the server, or the connection is gone; and the rows it returned or
 * changed, as psql's ROW_COUNT counts them.
 */
public record QueryOutcome(boolean success, SQLException error, boolean connectionLost, long rowCount) {
    public static final QueryOutcome OK = new QueryOutcome(true, null, false);
    /** Not sent, and nothing to say: the user cancelled it before (psql's single-step "x"). */
    public static final QueryOutcome NOT_SENT = new QueryOutcome(false, null, false);

    public QueryOutcome(boolean success, SQLException error, boolean connectionLost) {
        this(success, error, connectionLost, 0);
    }

    /** Success, with the rows of its last result (psql's ROW_COUNT). */
    public static QueryOutcome ok(long rowCount) {
        return new QueryOutcome(true, null, false, rowCount);
    }

    /** A statement the shell refused to send (the message was shown already). */
    public static QueryOutcome refused(String message) {
        return new QueryOutcome(false, new SQLException(message, "22023"), false);
    }

    public String sqlState() {
        return error == null || error.getSQLState() == null ? "" : error.getSQLState();
    }

    /** The primary message, as psql's LAST_ERROR_MESSAGE holds it. */
    public String errorMessage() {
        if (error instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return error == null ? "" : error.getMessage();
    }

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
