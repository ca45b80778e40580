package org.shardprep.connect;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells whether a failed connection attempt failed only because the server wanted a password and
 * none was sent — libpq's PQconnectionNeedsPassword, which makes psql prompt and retry. A wrong
 * password (SQLState 28P01) is not such a case: psql reports it and stops.
 */
public final class PasswordRequiredDetector {

    /** pgjdbc's PSQLState.CONNECTION_REJECTED, used for "no password was provided". */
    static final String CONNECTION_REJECTED = "08004";

    private PasswordRequiredDetector() {
    }

    /**
     * pgjdbc 42.7 says "The server requested SCRAM-based authentication, but no password was
     * provided." or "The server requested password-based authentication, but no password was
     * provided by plugin ..." with SQLState 08004 (other 08004 cases, such as a server without SSL,
     * do not mention a password).
     */
    public static boolean isPasswordRequired(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CONNECTION_REJECTED.equals(sql.getSQLState())) {
                String msg = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
                if (msg.contains("no password was provided") || msg.contains("password is an empty string")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
