package org.shardprep.shell;

import org.shardprep.shell.describe.DescribeCommand;
import org.shardprep.shell.copy.SlashCopyCommand;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.render.PrintOptions;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.StatementScanner;

import java.util.List;

/**
 * psql's backslash commands (command.c): one method a command. The query buffer belongs to the scanner;
 * commands that send it (\g) take it from there, as psql's do.
 */
public final class MetaCommands {

    private final Session session;
    private final ConnectionInfo connectionInfo;
    private final FileCommands files;
    private final FormatCommands formats;
    private final ConnectionCommands connections;
    private final WatchCommand watcher;

    public MetaCommands(Session session, InputProcessor processor) {
        this.session = session;
        this.connectionInfo = new ConnectionInfo(session);
        this.files = new FileCommands(session, processor);
        this.formats = new FormatCommands(session);
        this.connections = new ConnectionCommands(session);
        this.watcher = new WatchCommand(session);
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
            case "c", "connect" -> connect(args);
            case "encoding" -> format(() -> connections.encoding(args));
            case "copy" -> new SlashCopyCommand(session).run(command.rawArgs(), this::error) ? MetaCommandResult.OK : MetaCommandResult.ERROR;
            case "echo" -> echo(args);
            case "g" -> sendBuffer(scanner, command, args, false);
            case "gx" -> sendBuffer(scanner, command, args, true);
            case "o", "out" -> output(command, args);
            case "watch" -> watch(scanner, args);
            case "p", "print" -> print(scanner.hasPendingText() ? scanner.bufferText() : "Query buffer is empty.");
            case "r", "reset" -> {
                scanner.resetBuffer();
                yield quietPrint("Query buffer reset (cleared).");
            }
            case "timing" -> timing(args);
            case "pset" -> format(() -> formats.pset(args));
            case "x" -> format(() -> formats.pset(prepend("expanded", args)));
            case "t" -> format(() -> formats.pset(prepend("tuples_only", args)));
            case "a" -> format(formats::toggleAligned);
            case "f" -> format(() -> formats.pset(prepend("fieldsep", args)));
            case "C" -> format(() -> formats.pset(prepend("title", args)));
            case "set" -> set(args);
            case "unset" -> unset(args);
            case "i", "include" -> done(!args.isEmpty() ? files.include(args.get(0), false) : missing(command));
            case "ir", "include_relative" -> done(!args.isEmpty() ? files.include(args.get(0), true) : missing(command));
            case "cd" -> done(files.changeDirectory(args));
            case "!" -> done(files.shell(command.rawArgs()));
            case "?" -> print(MetaCommandHelp.TEXT);
            default -> DescribeCommand.handles(command.name()) ? new DescribeCommand(session).execute(command.name(), args)
                    : error("invalid command \\" + command.name()
                    + (session.interactive() ? "\nTry \\? for help." : ""));
        };
    }

    /** Runs a print-setting change and shows psql's sentence for it (unless QUIET). */
    private MetaCommandResult format(java.util.function.Supplier<String> change) {
        try {
            String message = change.get();
            return message.isEmpty() ? MetaCommandResult.OK : quietPrint(message);
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    /** \c: interactively a failure keeps the old connection; a script cannot go on without the one it asked for. */
    private MetaCommandResult connect(List<String> args) {
        try {
            return quietPrint(connections.reconnect(args));
        } catch (ConnectionCommands.SessionSwitchException e) {
            if (session.interactive()) return error(e.getMessage() + "\nPrevious connection kept");
            error(e.getMessage());
            return MetaCommandResult.FATAL;
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static MetaCommandResult done(boolean ok) {
        return ok ? MetaCommandResult.OK : MetaCommandResult.ERROR;
    }

    private boolean missing(MetaCommand command) {
        error("\\" + command.name() + ": missing required argument");
        return false;
    }

    private MetaCommandResult print(String text) {
        session.out().println(text);
        session.out().flush();
        return MetaCommandResult.OK;
    }

    private MetaCommandResult quietPrint(String text) {
        session.info(text);
        return MetaCommandResult.OK;
    }

    /** A backslash command failed: psql's pg_log_error wording (Session.error). */
    private MetaCommandResult error(String message) {
        session.error(message);
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

    /** \g [FILE|\|cmd] and \gx: send the buffer, or the previous query when the buffer is empty. */
    private MetaCommandResult sendBuffer(StatementScanner scanner, MetaCommand command, List<String> args, boolean expanded) {
        String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
        if (sql == null || sql.isBlank()) {
            scanner.resetBuffer();
            return MetaCommandResult.OK;   // psql: \g on an empty buffer with no previous query does nothing
        }
        PrintOptions options = session.printOptions();
        PrintOptions.Expanded savedExpanded = options.getExpanded();
        if (expanded) options.setExpanded(PrintOptions.Expanded.ON);
        try {
            String target = targetSpec(command, args);
            if (target == null) return done(session.execute(sql).success());
            try (OutputTarget out = OutputTarget.open(target, session.workingDirectory())) {
                return done(session.executeTo(sql, out.writer()).success());
            } catch (java.io.IOException e) {
                return error(target + ": " + ioReason(e));
            }
        } finally {
            options.setExpanded(savedExpanded);
        }
    }

    /** \watch [SECONDS]: the buffer, or the previous query, again and again until Ctrl-C. */
    private MetaCommandResult watch(StatementScanner scanner, List<String> args) {
        String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
        if (sql == null || sql.isBlank()) return error("\\watch cannot be used with an empty query");
        return done(watcher.run(sql, WatchCommand.interval(args.isEmpty() ? null : args.get(0))));
    }

    /** \o [FILE|\|cmd]: query results go there until the next \o; no argument means stdout again. */
    private MetaCommandResult output(MetaCommand command, List<String> args) {
        String target = targetSpec(command, args);
        if (target == null) {
            session.setQueryOutput(null);
            return MetaCommandResult.OK;
        }
        try {
            session.setQueryOutput(OutputTarget.open(target, session.workingDirectory()));
            return MetaCommandResult.OK;
        } catch (java.io.IOException e) {
            return error(target + ": " + ioReason(e));
        }
    }

    /** A "|command" takes the rest of the line, as psql; otherwise the first argument names a file. */
    private static String targetSpec(MetaCommand command, List<String> args) {
        String raw = command.rawArgs() == null ? "" : command.rawArgs().strip();
        if (raw.startsWith("|")) return raw;
        return args.isEmpty() ? null : args.get(0);
    }

    static String ioReason(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "No such file or directory";
        if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied";
        return e.getMessage();
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
