package org.shardprep.shell.input;

import org.shardprep.sql.scan.MetaCommand;

/**
 * One complete piece of input the main loop is about to run, with its text as typed (line breaks, comments and
 * {@code :variables} as they were, not as sent).
 *
 * @param kind    what runs it
 * @param text    the text as typed, without surrounding blank space
 * @param sql     for {@link Kind#SQL}, the statement as the scanner hands it to the server; else null
 * @param command for {@link Kind#META}, the backslash command; else null
 */
public record InputEntry(Kind kind, String text, String sql, MetaCommand command) {

    /** SQL for the server, a backslash command, or one of shardprep's commands. */
    public enum Kind { SQL, META, SHELL }

    public static InputEntry statement(String text, String sql) {
        return new InputEntry(Kind.SQL, text, sql, null);
    }

    public static InputEntry metaCommand(String text, MetaCommand command) {
        return new InputEntry(Kind.META, text, null, command);
    }

    public static InputEntry shellCommand(String text) {
        return new InputEntry(Kind.SHELL, text, null, null);
    }

    /** The backslash command's name as psql dispatches it ({@code copy} for {@code \COPY}), else null. */
    public String metaName() {
        return command == null ? null : command.dispatchName();
    }

}
