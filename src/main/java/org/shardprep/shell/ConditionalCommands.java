package org.shardprep.shell;

import org.shardprep.shell.session.BooleanValue;
import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.session.Session;

import org.shardprep.shell.ConditionalStack.State;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.StatementScanner;


/**
 * psql's {@code \if}, {@code \elif}, {@code \else} and {@code \endif} (command.c's exec_command_if ... endif) on
 * the conditional stack of one input source. They run in every branch, active or not: they are what moves
 * between branches. Text put in the query buffer by a branch that does not run is cut off when it ends.
 */
final class ConditionalCommands {

    private final Session session;
    private final ConditionalStack stack;

    ConditionalCommands(Session session, ConditionalStack stack) {
        this.session = session;
        this.stack = stack;
    }

    /** Whether psql treats this command as a branching one (is_branching_command). */
    MetaCommandResult execute(MetaCommand command, StatementScanner scanner) {
        return switch (command.name()) {
            case "if" -> ifCommand(command, scanner);
            case "elif" -> elif(command, scanner);
            case "else" -> elseCommand(scanner);
            default -> endif(scanner);
        };
    }

    private MetaCommandResult ifCommand(MetaCommand command, StatementScanner scanner) {
        if (stack.active()) {
            stack.push(State.TRUE);
            save(scanner);
            if (!isTrue(command, "\\if expression")) stack.poke(State.FALSE);
        } else {
            // the whole block lies in a branch that does not run: its expression is not even evaluated
            stack.push(State.IGNORED);
            save(scanner);
        }
        return MetaCommandResult.OK;
    }

    private MetaCommandResult elif(MetaCommand command, StatementScanner scanner) {
        switch (stack.peek()) {
            case TRUE -> {
                // the branch that ran keeps its query text; the rest of the block is ignored
                save(scanner);
                stack.poke(State.IGNORED);
            }
            case FALSE -> {
                discard(scanner);
                stack.poke(State.TRUE);
                if (!isTrue(command, "\\elif expression")) stack.poke(State.FALSE);
            }
            case IGNORED -> discard(scanner);
            case ELSE_TRUE, ELSE_FALSE -> { return error("\\elif: cannot occur after \\else"); }
            case NONE -> { return error("\\elif: no matching \\if"); }
        }
        return MetaCommandResult.OK;
    }

    private MetaCommandResult elseCommand(StatementScanner scanner) {
        switch (stack.peek()) {
            case TRUE -> {
                save(scanner);
                stack.poke(State.ELSE_FALSE);
            }
            case FALSE -> {
                discard(scanner);
                stack.poke(State.ELSE_TRUE);
            }
            case IGNORED -> {
                discard(scanner);
                stack.poke(State.ELSE_FALSE);
            }
            case ELSE_TRUE, ELSE_FALSE -> { return error("\\else: cannot occur after \\else"); }
            case NONE -> { return error("\\else: no matching \\if"); }
        }
        return MetaCommandResult.OK;
    }

    private MetaCommandResult endif(StatementScanner scanner) {
        switch (stack.peek()) {
            case TRUE, ELSE_TRUE -> stack.pop();
            case FALSE, IGNORED, ELSE_FALSE -> {
                discard(scanner);
                stack.pop();
            }
            case NONE -> { return error("\\endif: no matching \\if"); }
        }
        return MetaCommandResult.OK;
    }

    /**
     * psql's is_true_boolean_expression: the arguments, interpolated, joined by spaces, as a boolean. A value that
     * is not one is reported and counts as false; it is not an error that stops a script.
     */
    private boolean isTrue(MetaCommand command, String what) {
        MetaCommand.ParsedArgs parsed = command.parseArgs(session.variables(), false);
        if (parsed.error() != null) session.message(session.location().prefix() + parsed.error());
        String expression = String.join(" ", parsed.values());
        Boolean value = BooleanValue.parse(expression);
        if (value == null) session.error(BooleanValue.expected(expression, what));
        return Boolean.TRUE.equals(value);
    }

    private void save(StatementScanner scanner) {
        stack.saveQuery(scanner.bufferLength(), scanner.parenDepth());
    }

    private void discard(StatementScanner scanner) {
        scanner.truncateBuffer(stack.savedQueryLength(), stack.savedParenDepth());
    }

    private MetaCommandResult error(String message) {
        session.error(message);
        return MetaCommandResult.ERROR;
    }

    /** psql's check at the end of an input source: a block left open is an error. */
    boolean reportUnclosed() {
        if (stack.empty()) return false;
        session.error("reached EOF without finding closing \\endif(s)");
        return true;
    }

    /** psql's Ctrl-C at the prompt inside a block: it leaves the innermost one. */
    void escape() {
        if (stack.empty()) return;
        session.error("\\if: escaped");
        stack.pop();
    }
}
