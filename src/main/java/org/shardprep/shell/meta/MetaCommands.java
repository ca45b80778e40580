package org.shardprep.shell.meta;

import org.shardprep.shell.session.Variables;
import org.shardprep.shell.output.OutputTarget;
import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.session.Session;

import org.shardprep.command.ShellCommands;
import org.shardprep.shell.describe.DescribeCommand;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.render.PrintOptions;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.StatementScanner;

import java.util.List;
import java.util.Map;

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
    private final QueryResultCommands resultCommands;
    private final DefinitionCommands definitions;
    private final EditCommands editing;
    private final ShellCommands shellCommands;   // for \?, which lists them too

    public MetaCommands(Session session, ScriptIncluder processor, ShellCommands shellCommands) {
        this.session = session;
        this.shellCommands = shellCommands;
        this.connectionInfo = new ConnectionInfo(session);
        this.files = new FileCommands(session, processor);
        this.formats = new FormatCommands(session);
        this.connections = new ConnectionCommands(session);
        this.watcher = new WatchCommand(session);
        this.resultCommands = new QueryResultCommands(session);
        this.definitions = new DefinitionCommands(session);
        this.editing = new EditCommands(session, definitions);
    }

    public MetaCommandResult execute(MetaCommand command, StatementScanner scanner) {
        MetaCommandCatalog.Entry entry = MetaCommandCatalog.PSQL.find(command.dispatchName());
        int limit = entry == null || entry.maxArgs() < 0 ? Integer.MAX_VALUE : entry.maxArgs();
        MetaCommand.ParsedArgs parsed = command.parseArgs(session.variables(), false, limit);
        if (parsed.error() != null) {
            // psql reports a bad argument (unterminated quote, failing backtick) and runs with those before it
            session.message(session.location().prefix() + parsed.error());
        }
        if (entry == null || !entry.works()) {
            return error("invalid command \\" + command.name() + (session.interactive() ? "\nTry \\? for help." : ""));
        }
        MetaCommandResult result = entry.handler().run(this, command, parsed.values(), scanner);
        if (entry.maxArgs() >= 0 && result != MetaCommandResult.ERROR) {
            // psql reads what a command leaves only after running it, and only when it succeeded
            for (String extra : command.ignoredArgs(entry.maxArgs())) {
                session.warning("\\" + command.name() + ": extra argument \"" + extra + "\" ignored");
            }
        }
        return result;
    }

    // ---- the handlers the catalog names, one a command (or a family)

    MetaCommandResult describe(MetaCommand command, List<String> args, StatementScanner scanner) {
        return new DescribeCommand(session).execute(command.name(), args);
    }

    MetaCommandResult help() {
        Map<String, String> ours = new java.util.LinkedHashMap<>();
        shellCommands.entries().forEach(e -> ours.put(e.name(), e.summary()));
        return print(MetaCommandCatalog.PSQL.help(this::currently, ours).stripTrailing());
    }

    /** The "(currently ...)" values in psql's \? lines. */
    private String currently(String setting) {
        PrintOptions p = session.printOptions();
        return switch (setting) {
            case "tuples_only" -> p.isTuplesOnly() ? "on" : "off";
            case "expanded" -> switch (p.getExpanded()) { case ON -> "on"; case AUTO -> "auto"; default -> "off"; };
            case "timing" -> session.timing() ? "on" : "off";
            case "database" -> session.connection().database();
            case "html" -> p.getFormat() == PrintOptions.Format.HTML ? "on" : "off";
            default -> "off";
        };
    }

    MetaCommandResult conninfo() {
        return print(connectionInfo.describe());
    }

    MetaCommandResult encoding(List<String> args) {
        return format(() -> connections.encoding(args));
    }

    MetaCommandResult copy(MetaCommand command) {
        return new SlashCopyCommand(session).run(command.rawArgs(), this::error) ? MetaCommandResult.OK : MetaCommandResult.ERROR;
    }

    /** \p: what \g would send (the buffer, else the previous query), as psql's exec_command_print. */
    MetaCommandResult printBuffer(StatementScanner scanner) {
        if (scanner.hasPendingText()) return print(scanner.bufferText());
        String previous = session.lastQuery();
        if (previous != null && !previous.isEmpty()) return print(previous);
        return quietPrint("Query buffer is empty.");
    }

    /** \e [FILE] [LINE]: the buffer (or the previous query, or the file) through the editor. */
    MetaCommandResult edit(List<String> args, StatementScanner scanner) {
        return editing.edit(args, scanner);
    }

    /** \ef and \ev: the function's or view's CREATE command (or psql's template) through the editor. */
    MetaCommandResult editDefinition(List<String> args, boolean function, StatementScanner scanner) {
        return editing.editDefinition(args.isEmpty() ? null : args.get(0), function, scanner);
    }

    /** What the editor gave back, for the main loop to scan after a {@link MetaCommandResult#NEW_EDIT}. */
    public String takeEdited() {
        return editing.takeEdited();
    }

    MetaCommandResult resetBuffer(StatementScanner scanner) {
        scanner.resetBuffer();
        return quietPrint("Query buffer reset (cleared).");
    }

    /** \pset NAME VALUE, and the commands that are a \pset of one option (\x, \t, \f, \C). */
    MetaCommandResult pset(String option, List<String> args) {
        if (option == null && args.isEmpty()) return print(formats.listing());   // printed even when QUIET
        return format(() -> formats.pset(option == null ? args : prepend(option, args)));
    }

    MetaCommandResult toggleAligned() {
        return format(formats::toggleAligned);
    }

    MetaCommandResult toggleHtml() {
        return format(formats::toggleHtml);
    }

    MetaCommandResult include(MetaCommand command, List<String> args, boolean relative) {
        return done(!args.isEmpty() ? files.include(args.get(0), relative) : missing(command));
    }

    MetaCommandResult changeDirectory(List<String> args) {
        return done(files.changeDirectory(args));
    }

    MetaCommandResult shell(MetaCommand command) {
        return done(files.shell(command.rawArgs()));
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
    MetaCommandResult connect(List<String> args) {
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

    MetaCommandResult echo(MetaCommand command, List<String> args) {
        return echo(command, args, session.out());
    }

    /** \qecho: as \echo, into the query output (\o). */
    MetaCommandResult qecho(MetaCommand command, List<String> args) {
        return echo(command, args, session.results());
    }

    /** \warn: as \echo, to standard error. */
    MetaCommandResult warn(MetaCommand command, List<String> args) {
        session.out().flush();
        return echo(command, args, new java.io.PrintWriter(session.err()));
    }

    /** psql's \echo: -n typed as the first argument leaves out the newline ('-n' or a variable holding it is printed). */
    private static MetaCommandResult echo(MetaCommand command, List<String> args, java.io.PrintWriter out) {
        boolean newline = true;
        List<String> words = args;
        String raw = command.rawArgs() == null ? "" : command.rawArgs().strip();
        if (!words.isEmpty() && words.get(0).equals("-n") && raw.matches("(?s)-n(\\s.*)?")) {
            newline = false;
            words = words.subList(1, words.size());
        }
        out.print(String.join(" ", words));
        if (newline) out.print('\n');
        out.flush();
        return MetaCommandResult.OK;
    }

    /** \g [FILE|\|cmd] and \gx: send the buffer, or the previous query when the buffer is empty. */
    MetaCommandResult sendBuffer(StatementScanner scanner, MetaCommand command, List<String> args, boolean expanded) {
        PrintOptions options = session.printOptions();
        PrintOptions saved = options.copy();
        try {
            // \g (NAME=VALUE ...) FILE: \pset settings for this query only (psql's process_command_g_options)
            int taken = args.isEmpty() || !args.get(0).startsWith("(") ? 0 : applyGOptions(command.name(), args);
            if (taken < 0) return MetaCommandResult.ERROR;
            String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
            if (sql == null || sql.isBlank()) {
                scanner.resetBuffer();
                return MetaCommandResult.OK;   // psql: \g on an empty buffer with no previous query does nothing
            }
            if (expanded) options.setExpanded(PrintOptions.Expanded.ON);
            String target = taken == 0 ? targetSpec(command, args) : taken < args.size() ? args.get(taken) : null;
            if (target == null) return done(session.execute(sql).success());
            try (OutputTarget out = OutputTarget.open(target, session.workingDirectory())) {
                return done(session.executeTo(sql, out.writer()).success());
            } catch (java.io.IOException e) {
                return error(target + ": " + ioReason(e));
            }
        } finally {
            options.assign(saved);
        }
    }

    /**
     * The options of {@code \g (a=1 b=2)}, applied quietly as \pset would apply them; the number of arguments they
     * took, or -1 after an error (reported).
     */
    private int applyGOptions(String name, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String option = i == 0 ? args.get(0).substring(1) : args.get(i);
            boolean last = option.endsWith(")");
            if (last) option = option.substring(0, option.length() - 1);
            if (!option.isEmpty()) {
                int eq = option.indexOf('=');
                List<String> pset = eq < 0 ? List.of(option) : List.of(option.substring(0, eq), option.substring(eq + 1));
                try {
                    formats.pset(pset);
                } catch (IllegalArgumentException e) {
                    error(e.getMessage());
                    return -1;
                }
            }
            if (last) return i + 1;
        }
        error("\\" + name + ": missing right parenthesis");
        return -1;
    }

    /** \gset [PREFIX]: the buffer (or the previous query) run, its one row stored in variables. */
    MetaCommandResult gset(StatementScanner scanner, List<String> args) {
        String sql = queryToSend(scanner);
        return sql == null ? MetaCommandResult.OK : done(resultCommands.gset(sql, args.isEmpty() ? "" : args.get(0)));
    }

    /** \gexec: the buffer (or the previous query) run, each value of its result run as a query. */
    MetaCommandResult gexec(StatementScanner scanner) {
        String sql = queryToSend(scanner);
        return sql == null ? MetaCommandResult.OK : done(resultCommands.gexec(sql));
    }

    /** \gdesc: the buffer's (or the previous query's) result columns, the statement described and not run. */
    MetaCommandResult gdesc(StatementScanner scanner) {
        String sql = queryToSend(scanner);
        return sql == null ? MetaCommandResult.OK : done(resultCommands.gdesc(sql));
    }

    /** \\crosstabview [COLUMNS]: the buffer (or the previous query) run, its result shown as a crosstab. */
    MetaCommandResult crosstab(StatementScanner scanner, List<String> args) {
        String sql = queryToSend(scanner);
        return sql == null ? MetaCommandResult.OK : done(resultCommands.crosstab(sql, args));
    }

    /** The query buffer taken, or the previous query when it is empty (psql's previous_buf); null: nothing to send. */
    private String queryToSend(StatementScanner scanner) {
        String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
        if (sql == null || sql.isBlank()) {
            scanner.resetBuffer();
            return null;
        }
        return sql;
    }

    /** \sf[+] and \sv[+]: the function's or view's definition, with line numbers for +. */
    MetaCommandResult showDefinition(MetaCommand command, List<String> args, boolean function) {
        return done(definitions.show(args.isEmpty() ? null : args.get(0), function, command.name().endsWith("+")));
    }

    /** \errverbose: the last server error again, with every field psql has. */
    MetaCommandResult errverbose() {
        String last = session.lastErrorVerbose();
        if (last == null) return print("There is no previous error.");
        session.error(last);
        return MetaCommandResult.OK;
    }

    /** \setenv NAME [VALUE]: for the processes the shell starts; no value unsets it. */
    MetaCommandResult setenv(MetaCommand command, List<String> args) {
        if (args.isEmpty()) return error("\\" + command.name() + ": missing required argument");
        String name = args.get(0);
        if (name.contains("=")) return error("\\" + command.name() + ": environment variable name must not contain \"=\"");
        if (args.size() < 2) org.shardprep.os.ChildEnvironment.unset(name);
        else org.shardprep.os.ChildEnvironment.set(name, args.get(1));
        return MetaCommandResult.OK;
    }

    /** \getenv PSQLVAR ENVVAR: an unset environment variable leaves the psql variable as it was. */
    MetaCommandResult getenv(MetaCommand command, List<String> args) {
        if (args.size() < 2) return error("\\" + command.name() + ": missing required argument");
        String value = org.shardprep.os.ChildEnvironment.get(args.get(1));
        if (value == null) return MetaCommandResult.OK;
        if (!Variables.validName(args.get(0))) return error("invalid variable name: \"" + args.get(0) + "\"");
        session.variables().set(args.get(0), value);
        return MetaCommandResult.OK;
    }

    /** \watch [SECONDS]: the buffer, or the previous query, again and again until Ctrl-C. */
    MetaCommandResult watch(StatementScanner scanner, List<String> args) {
        String sql = scanner.hasPendingText() ? scanner.takeBuffer() : session.lastQuery();
        if (sql == null || sql.isBlank()) return error("\\watch cannot be used with an empty query");
        return done(watcher.run(sql, WatchCommand.interval(args.isEmpty() ? null : args.get(0))));
    }

    /** \o [FILE|\|cmd]: query results go there until the next \o; no argument means stdout again. */
    MetaCommandResult output(MetaCommand command, List<String> args) {
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

    MetaCommandResult timing(List<String> args) {
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

    MetaCommandResult set(List<String> args) {
        if (args.isEmpty()) {
            session.variables().all().forEach((k, v) -> session.out().println(k + " = '" + v + "'"));
            session.out().flush();
            return MetaCommandResult.OK;
        }
        String name = args.get(0);
        if (!Variables.validName(name)) return error("invalid variable name: \"" + name + "\"");
        String rejected = session.variables().set(name, String.join("", args.subList(1, args.size())));
        return rejected == null ? MetaCommandResult.OK : error(rejected);
    }

    /** \prompt [TEXT] NAME: the answer, asked as psql asks it, set as the variable. */
    MetaCommandResult prompt(MetaCommand command, List<String> args) {
        if (args.isEmpty()) return error("\\" + command.name() + ": missing required argument");
        String text = args.size() > 1 ? args.get(0) : null;
        String name = args.size() > 1 ? args.get(1) : args.get(0);
        String answer;
        try {
            answer = new SimplePrompt(session).ask(text);
        } catch (java.io.IOException e) {
            answer = null;
        }
        if (answer == null) return error("\\" + command.name() + ": could not read value for variable");
        if (!Variables.validName(name)) return error("invalid variable name: \"" + name + "\"");
        String rejected = session.variables().set(name, answer);
        return rejected == null ? MetaCommandResult.OK : error(rejected);
    }

    /** \w FILE|\|cmd: what \p shows (the buffer, else the previous query), written there; psql's exec_command_write. */
    MetaCommandResult write(StatementScanner scanner, MetaCommand command, List<String> args) {
        String target = targetSpec(command, args);
        if (target == null) return error("\\" + command.name() + ": missing required argument");
        String text = scanner.hasPendingText() ? scanner.bufferText() : session.lastQuery();
        try (OutputTarget out = OutputTarget.open(target, session.workingDirectory())) {
            if (text != null && !text.isEmpty()) out.writer().print(text + "\n");
            out.writer().flush();
            return MetaCommandResult.OK;
        } catch (java.io.IOException e) {
            return error(target + ": " + ioReason(e));
        }
    }

    /** \lo_import FILE [COMMENT], \lo_export LOBOID FILE, \lo_unlink LOBOID (psql's exec_command_lo). */
    MetaCommandResult largeObject(MetaCommand command, List<String> args) {
        LargeObjectCommands lo = new LargeObjectCommands(session);
        String tilde1 = args.isEmpty() ? null : org.shardprep.shell.copy.HomeDirectories.system().expandTilde(args.get(0));
        return switch (command.name()) {
            case "lo_import" -> args.isEmpty() ? error("\\lo_import: missing required argument")
                    : done(lo.importFile(tilde1, args.size() > 1 ? args.get(1) : null));
            case "lo_export" -> args.size() < 2 ? error("\\lo_export: missing required argument")
                    : done(lo.exportTo(args.get(0), org.shardprep.shell.copy.HomeDirectories.system().expandTilde(args.get(1))));
            default -> args.isEmpty() ? error("\\lo_unlink: missing required argument") : done(lo.unlink(args.get(0)));
        };
    }

    /**
     * \s [FILE]: the history, to stdout (through the pager, when one is on) or to the file (psql's printHistory). Without a terminal there is none: psql
     * then fails without a message, and prints the blank line it ends the listing with.
     */
    MetaCommandResult history(List<String> args) {
        String file = args.isEmpty() ? null : org.shardprep.shell.copy.HomeDirectories.system().expandTilde(args.get(0));
        List<String> lines = session.history();
        boolean ok = lines != null;
        if (ok && file == null) {
            session.pagedToTerminal(out -> lines.forEach(out::println));
        } else if (ok) {
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            try {
                java.nio.file.Files.writeString(session.workingDirectory().resolve(file), text);
                if (!session.quiet()) session.out().println("Wrote history to file \"" + file + "\".");
            } catch (java.io.IOException e) {
                session.error("could not save history to file \"" + file + "\": " + ioReason(e));
                ok = false;
            }
        }
        if (file == null) session.out().println();
        session.out().flush();
        return done(ok);
    }

    /** \restrict KEY: backslash commands are refused until &#92;unrestrict KEY (pg_dump's scripts since 15.14). */
    MetaCommandResult restrict(MetaCommand command, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) return error("\\" + command.name() + ": missing required argument");
        session.setRestrictKey(args.get(0));
        return MetaCommandResult.OK;
    }

    MetaCommandResult unrestrict(MetaCommand command, List<String> args) {
        if (args.isEmpty() || args.get(0).isEmpty()) return error("\\" + command.name() + ": missing required argument");
        if (session.restrictKey() == null) return error("\\" + command.name() + ": not currently in restricted mode");
        if (!session.restrictKey().equals(args.get(0))) return error("\\" + command.name() + ": wrong key");
        session.setRestrictKey(null);
        return MetaCommandResult.OK;
    }

    /** \password [USERNAME]. */
    MetaCommandResult password(List<String> args) {
        return done(new PasswordChange(session).run(args.isEmpty() ? null : args.get(0)));
    }

    /**
     * \copyright: where PostgreSQL's usage and distribution terms are. psql prints the licence text it is built with;
     * shardprep is not PostgreSQL and carries no copy of it, so it names the terms and where to read them.
     */
    MetaCommandResult copyright() {
        session.out().print(COPYRIGHT + "\n");
        session.out().flush();
        return MetaCommandResult.OK;
    }

    private static final String COPYRIGHT = """
            shardprep is a client of PostgreSQL, not PostgreSQL itself.
            PostgreSQL is distributed under the PostgreSQL License: https://www.postgresql.org/about/licence/
            """;

    MetaCommandResult unset(List<String> args) {
        if (args.isEmpty()) return error("\\unset: missing required argument");
        session.variables().unset(args.get(0));
        return MetaCommandResult.OK;
    }
}
