package org.shardprep.shell.repl;

import org.springframework.shell.command.CommandExecution;

import java.util.stream.Collectors;

/** One line for a shardprep command that failed: its own message, or Spring Shell's parser complaints. */
final class CommandFailure {
    private CommandFailure() {}

    static String describe(Throwable t) {
        if (t instanceof CommandExecution.CommandParserExceptionsException p) {
            return p.getParserExceptions().stream().map(Throwable::getMessage).collect(Collectors.joining("; "));
        }
        Throwable cause = t;
        while (cause.getCause() != null && cause.getMessage() == null) cause = cause.getCause();
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
