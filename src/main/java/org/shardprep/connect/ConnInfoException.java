package org.shardprep.connect;

/**
 * A connection string, service file or option that libpq would reject.
 * The message is libpq's own wording and is meant to be shown to the user
 * as is (after "shardprep: error: "), so no stack trace is needed.
 */
public class ConnInfoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnInfoException(String message) {
        super(message);
    }
}
