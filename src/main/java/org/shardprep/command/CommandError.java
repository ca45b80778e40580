package org.shardprep.command;

/** A shardprep command refusing or failing, with one line for the user (printed as psql prints its errors). */
public final class CommandError extends RuntimeException {
    public CommandError(String message) {
        super(message);
    }
}
