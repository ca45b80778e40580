package org.shardprep.shell;

import org.shardprep.shell.copy.SlashCopyCommand;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.render.PrintOptions;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.StatementScanner;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * psql's backslash commands (command.c): one method a command. The query buffer belongs to the scanner;
 * commands that send it (\g) take it from there, as psql's do.
 */
public final class MetaCommands {

    private final Session session;
    private final ConnectionInfo connectionInfo;

    public MetaCommands(Session session) {
        this.session = session;
        this.connectionInfo = new ConnectionInfo(session);
    }

    public MetaCommandResult execute(MetaCommand command, StatementScanner scanner) {
        MetaCommand.ParsedArgs parsed = command.parseArgs(session.variables(), false);
        if (parsed.error() != null) {
            // psql reports a bad argument (unterminated quote, failing backtick) and runs with those before it
            session.message(session.location().prefix() + parsed.error());
        }
        List<String> args = parsed.values();
        return switch (command.dispatchName()) {
            case "q", "quit" -> MetaCommandResult.QUIT;
            case "conninfo" -> print(connectionInfo.describe());
            case "copy" -> new SlashCopyCommand(session).run(command.rawArgs(), this::error) ? MetaCommandResult.OK : MetaCommandResult.ERROR;
            case "echo" -> echo(args);
            case "g" -> sendBuffer(scanner, args, false);
            case "gx" -> sendBuffer(scanner, args, true);
            case "p", "print" -> print(scanner.hasPendingText() ? scanner.bufferText() : "Query buffer is empty.");
            case "r", "reset" -> {
                scanner.resetBuffer();
                yield quietPrint("Query buffer reset (cleared).");
            }
            case "timing" -> timing(args);
            case "x" -> expanded(args);
            case "set" -> set(args);
            case "unset" -> unset(args);
            case "?" -> print(MetaCommandHelp.TEXT);
            default -> error("invalid command \\" + command.name()
                    + (session.interactive() ? "\nTry \\? for help." : ""));
        };
    }

    private MetaCommandResult print(String text) {
        session.out().println(text);
        session.out().flush();
        return MetaCommandResult.OK;
    }

    private MetaCommandResult quietPrint(String text) {
        return session.variables().quiet() ? MetaCommandResult.OK : print(text);
    }

    /** psql's pg_log_error: "error: " appears only in a named script's messages (terse logging elsewhere). */
    private MetaCommandResult error(String message) {
        ScriptLocation where = session.location();
        session.message(where.prefix() + (where.name() != null ? "error: " : "") + message);
        return MetaCommandResult.ERROR;
    }

    private MetaCommandResult echo(List<String> args) {
        boolean newline = true;
        List<String> words = args;
        if (!words.isEmpty() && words.get(0).equals("-n")) {
            newline = false;
            words = words.subList(1, words.size());
        }
        session.out().print(String.join(" ", words));
        if (newline) session.out().println();
        session.out().flush();
        return MetaCommandResult.OK;
    }

    /** \g [FILE] and \gx: send the buffer, or the previous query when the buffer is empty. */
    private MetaCommandResult sendBuffer(StatementScanner scanner, List<String> args, boolean expanded) {
        String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
        if (sql == null || sql.isBlank()) {
            scanner.resetBuffer();
            return MetaCommandResult.OK;   // psql: \g on an empty buffer with no previous query does nothing
        }
        PrintOptions options = session.printOptions();
        PrintOptions.Expanded savedExpanded = options.getExpanded();
        if (expanded) options.setExpanded(PrintOptions.Expanded.ON);
        try {
            QueryOutcome outcome;
            if (args.isEmpty()) {
                outcome = session.execute(sql);
            } else {
                try (PrintWriter file = new PrintWriter(new FileWriter(args.get(0)))) {
                    outcome = session.executeTo(sql, file);
                } catch (IOException e) {
                    return error(args.get(0) + ": " + e.getMessage());
                }
            }
            return outcome.success() ? MetaCommandResult.OK : MetaCommandResult.ERROR;
        } finally {
            options.setExpanded(savedExpanded);
        }
    }

    private MetaCommandResult timing(List<String> args) {
        if (args.isEmpty()) {
            session.setTiming(!session.timing());
        } else {
            Boolean on = Variables.parseBoolean(args.get(0));
            if (on == null) {
                error("unrecognized value \"" + args.get(0) + "\" for \"\\timing\": Boolean expected");
                quietPrint(session.timing() ? "Timing is on." : "Timing is off.");   // psql reports the state anyway
                return MetaCommandResult.ERROR;
            }
            session.setTiming(on);
        }
        return quietPrint(session.timing() ? "Timing is on." : "Timing is off.");
    }

    /** \x [on|off|auto]: psql's expanded display switch. */
    private MetaCommandResult expanded(List<String> args) {
        PrintOptions options = session.printOptions();
        if (args.isEmpty()) {
            options.setExpanded(options.getExpanded() == PrintOptions.Expanded.OFF ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF);
        } else if (args.get(0).equalsIgnoreCase("auto")) {
            options.setExpanded(PrintOptions.Expanded.AUTO);
        } else {
            Boolean on = Variables.parseBoolean(args.get(0));
            if (on == null) {
                return error("unrecognized value \"" + args.get(0) + "\" for \"expanded\"\nAvailable values are: on, off, auto.");
            }
            options.setExpanded(on ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF);
        }
        return quietPrint(switch (options.getExpanded()) {
            case ON -> "Expanded display is on.";
            case AUTO -> "Expanded display is used automatically.";
            default -> "Expanded display is off.";
        });
    }

    private MetaCommandResult set(List<String> args) {
        if (args.isEmpty()) {
            session.variables().all().forEach((k, v) -> session.out().println(k + " = '" + v + "'"));
            session.out().flush();
            return MetaCommandResult.OK;
        }
        String name = args.get(0);
        if (!name.matches("[A-Za-z0-9_]+")) return error("invalid variable name: \"" + name + "\"");
        session.variables().set(name, String.join("", args.subList(1, args.size())));
        return MetaCommandResult.OK;
    }

    private MetaCommandResult unset(List<String> args) {
        if (args.isEmpty()) return error("\\unset: missing required argument");
        session.variables().unset(args.get(0));
        return MetaCommandResult.OK;
    }
}
