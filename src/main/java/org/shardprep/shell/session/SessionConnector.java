package org.shardprep.shell.session;

import org.shardprep.connect.ConnectionFailureMessage;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.PasswordRequiredDetector;
import org.shardprep.connect.PasswordPrompt;

import org.shardprep.sql.SessionConnection;

import java.sql.SQLException;

/**
 * Opens the session connection as psql does: with the password known from the conninfo, PGPASSWORD or
 * .pgpass, and otherwise asking for one (without echo) only when the server says it wants one.
 */
public final class SessionConnector {

    /** A connection attempt that failed; the message is psql's one line. */
    public static final class ConnectException extends Exception {
        public ConnectException(String message) { super(message); }
    }

    private final PasswordPrompt prompt;
    private final boolean forcePrompt;   // -W
    private final boolean neverPrompt;   // -w

    public SessionConnector(PasswordPrompt prompt, boolean forcePrompt, boolean neverPrompt) {
        this.prompt = prompt;
        this.forcePrompt = forcePrompt;
        this.neverPrompt = neverPrompt;
    }

    public SessionConnection open(ConnectionSettings settings) throws ConnectException {
        ConnectionSettings s = settings;
        if (forcePrompt && !neverPrompt) s = askPassword(s);
        try {
            return SessionConnection.open(s);
        } catch (SQLException e) {
            if (s.password() == null && !neverPrompt && PasswordRequiredDetector.isPasswordRequired(e)) {
                ConnectionSettings withPassword = askPassword(s);
                if (withPassword.password() != null) {
                    try {
                        return SessionConnection.open(withPassword);
                    } catch (SQLException again) {
                        throw new ConnectException(ConnectionFailureMessage.friendlyMessage(again, withPassword));
                    }
                }
            }
            throw new ConnectException(ConnectionFailureMessage.friendlyMessage(e, s));
        }
    }

    private ConnectionSettings askPassword(ConnectionSettings s) {
        String pw = prompt.read("Password for user " + s.user() + ": ");
        return pw == null ? s : s.withPassword(pw);
    }
}
