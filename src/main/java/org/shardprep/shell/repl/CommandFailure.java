package org.shardprep.shell.repl;

import org.jline.utils.AttributedString;
import org.springframework.shell.command.CommandExecution;
import org.shardprep.shell.ShellCommands;
import org.springframework.shell.command.CommandHandlingResult;

import java.util.stream.Collectors;

/** One line for a shardprep command that failed: its own message, or Spring Shell's parser complaints. */
final class CommandFailure {
    private CommandFailure() {}

    /**
     * The failure a command's evaluation came back with, or null when it succeeded: a thrown exception, or
     * Spring Shell's own answer to a line it could not bind (a missing or malformed option), which it hands
     * back as a result already styled in red; the user gets its words, plain, after the command's name.
     */
    static String of(Object result, String line) {
        if (result instanceof CommandExecution.CommandParserExceptionsException p) {
            return ShellCommands.firstWord(line) + ": " + describe(p);   // which command the option belongs to
        }
        if (result instanceof Throwable t) return describe(t);
        if (result instanceof CommandHandlingResult r && r.isPresent() && r.exitCode() != null && r.exitCode() != 0) {
            return ShellCommands.firstWord(line) + ": " + AttributedString.fromAnsi(r.message()).toString().strip();
        }
        return null;
    }

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
