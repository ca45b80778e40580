package org.shardprep.command;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * The one rule for turning what went wrong in a command into the line the user reads: a command's own
 * refusal as it said it, the server's message without pgjdbc's "ERROR: " and its multi-line decorations
 * (detail and hint follow on the same line), anything else by its message.
 */
public final class CommandErrors {
    private CommandErrors() {}

    public static String oneLine(Throwable t) {
        Throwable cause = t;
        // picocli and reflection wrap what the command threw
        while ((cause instanceof java.lang.reflect.InvocationTargetException || cause instanceof picocli.CommandLine.ExecutionException
                || (cause.getMessage() == null && !(cause instanceof SQLException))) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException e) return oneLine(e);
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : firstLine(message);
    }

    /** A server error as one line: its message, then its detail and hint, if any. */
    public static String oneLine(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            StringBuilder s = new StringBuilder(String.valueOf(m.getMessage()));
            if (m.getDetail() != null) s.append(" (").append(flat(m.getDetail()).replaceAll("\\.$", "")).append(')');
            if (m.getHint() != null) s.append("; hint: ").append(flat(m.getHint()));
            return s.toString();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : firstLine(message.replaceFirst("^ERROR: ", ""));
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private static String flat(String text) {
        return text.replace('\n', ' ').strip();
    }
}
