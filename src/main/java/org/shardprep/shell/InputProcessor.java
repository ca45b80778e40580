package org.shardprep.shell;

import org.shardprep.shell.meta.ScriptIncluder;
import org.shardprep.shell.copy.SlashCopyParser;
import org.shardprep.sql.CopyStatement;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.input.CopyDataInput;
import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.input.InputObserver;
import org.shardprep.shell.meta.MetaCommandCatalog;
import org.shardprep.shell.meta.MetaCommands;
import org.shardprep.shell.session.Session;

import org.shardprep.command.ShellCommands;
import org.shardprep.shell.record.Recorder;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryRunner;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.StatementScanner;
import org.shardprep.sql.scan.UnterminatedInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * psql's MainLoop: lines in, statements and commands out, for every kind of input (the REPL, -c, -f,
 * piped stdin, \i, replay). The scanner decides where statements end; this class decides what runs and when
 * to stop. It is also the one place that sees each complete entry as typed before it runs: the session's
 * recording writes it down here, and a replay's observer shows it here.
 */
public final class InputProcessor implements ScriptIncluder {

    /** psql's exit statuses. */
    public static final int EXIT_OK = 0, EXIT_FAILURE = 1, EXIT_BADCONN = 2, EXIT_USER = 3;

    private final Session session;
    private final MetaCommands metaCommands;
    private final ShellCommands shellCommands;
    private final StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
    private final TypedText typed = new TypedText();
    private final InputObserver observer;   // a replay's presenter, else null
    private final boolean interactive;      // psql's cur_cmd_interactive: the prompt, not a script
    private final ConditionalStack conditionals = new ConditionalStack();   // psql makes one per MainLoop
    private final ConditionalCommands branching;

    private boolean lastFailed;
    private boolean inCommandString;   // running a -c text
    private String editedInput;    // what an editor gave back (\e): scanned after the line that asked for it
    private boolean stop;          // ON_ERROR_STOP tripped, \q, or the connection is gone in a script
    private int exitStatus = EXIT_OK;

    public InputProcessor(Session session, ShellCommands shellCommands) {
        this(session, shellCommands, null, session.interactive());
    }

    private InputProcessor(Session session, ShellCommands shellCommands, InputObserver observer, boolean interactive) {
        this.session = session;
        this.metaCommands = new MetaCommands(session, this, shellCommands);
        this.shellCommands = shellCommands;
        this.observer = observer;
        this.interactive = interactive;
        this.branching = new ConditionalCommands(session, conditionals);
        scanner.setVariables(session.variables());
        // psql's -c sends its text whole (SendQuery), not through MainLoop: SINGLELINE is for lines of input
        scanner.setSingleLine(() -> !inCommandString && session.variables().isOn("SINGLELINE"));
    }

    /**
     * A script whose entries an observer sees before they run (replay). It is a script even in an interactive
     * session, as psql's \i file is: ON_ERROR_STOP ends it at the first error, help/quit/exit are SQL words.
     */
    public static InputProcessor observed(Session session, ShellCommands shellCommands, InputObserver observer) {
        return new InputProcessor(session, shellCommands, observer, false);
    }

    /** Whether an observer watches this input (a replay): \i then looks beside the script first, as \ir. */
    @Override
    public boolean observed() { return observer != null; }

    public StatementScanner scanner() { return scanner; }

    public boolean stopped() { return stop; }

    /** The user changed their mind about quitting (background work was still running). */
    public void resume() { stop = false; }

    public boolean lastFailed() { return lastFailed; }

    public int exitStatus() { return exitStatus; }

    /** Whether input runs here, or sits in an {@code \if} branch that does not (the prompt shows '@'). */
    public boolean activeBranch() { return conditionals.active(); }

    /** Ctrl-C at the prompt: psql leaves the innermost {@code \if} block. */
    public void escapeConditional() {
        branching.escape();
        syncBranch();
    }

    /** End of input at the prompt (Ctrl-D): psql reports a block left open, as at the end of a script. */
    public void endOfInteractiveInput() {
        branching.reportUnclosed();
    }

    /**
     * Runs a whole script (-f FILE, -f -, piped stdin). Returns psql's status: 0, or 3 when ON_ERROR_STOP
     * stopped it, 2 when the connection was lost.
     */
    public int runScript(BufferedReader reader, ScriptLocation location) throws IOException {
        ScriptLocation previous = session.enter(location);
        CopyDataInput previousData = session.setCopyDataInput(CopyDataInput.of(reader, location));
        try {
            String line;
            while (!stop && !stopForInterrupt() && (line = reader.readLine()) != null) {
                location.setLine(location.line() + 1);   // COPY data lines read by the command count too
                // psql's MainLoop drops an empty line outside quotes and comments before it echoes anything
                if (line.isEmpty() && !insideQuoteOrComment()) continue;
                if (session.variables().echo().equals("all")) {
                    session.out().println(line);
                    session.out().flush();
                }
                processLine(line);
            }
            if (!stop) finishInput();
            // psql's MainLoop: a block left open is an error, which ON_ERROR_STOP makes status 3
            if (!stop && branching.reportUnclosed() && !interactive && session.variables().onErrorStop()) {
                exitStatus = EXIT_USER;
                stop = true;
            }
            return exitStatus;
        } finally {
            session.enter(previous);
            session.setCopyDataInput(previousData);
            session.recorder().inputEnded(location, previous);   // a recording started in here goes on outside
        }
    }

    /**
     * Ctrl-C in a script (Session.interrupt): psql stops the script, status 3. A replay's observer may go on
     * instead: the Ctrl-C cancelled one statement.
     */
    private boolean stopForInterrupt() {
        if (!session.interrupted()) return stop;
        if (observer != null ? observer.stopOnInterrupt() : !session.interactive()) {
            exitStatus = EXIT_USER;
            stop = true;
        }
        return stop;
    }

    private boolean insideQuoteOrComment() {
        return switch (scanner.openState()) {
            case SINGLE_QUOTE, DOUBLE_QUOTE, DOLLAR_QUOTE, COMMENT -> true;
            default -> false;
        };
    }

    /**
     * \i: a nested script on a scanner of its own, as psql's process_file. Its \q, ON_ERROR_STOP or lost
     * connection stops the including input too.
     */
    @Override
    public boolean include(BufferedReader reader, ScriptLocation location) throws IOException {
        // inside a replay the included file is shown and stepped through as well
        InputProcessor nested = new InputProcessor(session, shellCommands, observer, observer == null && session.interactive());
        int status = nested.runScript(reader, location);
        if (nested.stopped()) {
            stop = true;
            if (exitStatus == EXIT_OK) exitStatus = status;
        }
        return status == EXIT_OK && !nested.lastFailed();
    }

    /** -c: one string, run through the same scanner; the status is that of its last command, as psql's. */
    public int runCommandString(String text) {
        lastFailed = false;
        inCommandString = true;
        try {
            for (String line : text.split("\n", -1)) {
                if (stop) break;
                processLine(line);
            }
            if (!stop) finishInput();
        } finally {
            inCommandString = false;
        }
        if (exitStatus != EXIT_OK) return exitStatus;
        return lastFailed ? EXIT_FAILURE : EXIT_OK;
    }

    /** One physical line from any source. */
    public void processLine(String line) {
        typed.startLine(line);
        if (!scanner.hasPendingText()) {
            String word = ShellCommands.firstWord(line);
            if (word.equalsIgnoreCase("help") && helpForCommand(line)) return;
            if (!word.isEmpty() && shellCommands.isCommandLine(line)) {
                if (!conditionals.active()) {
                    passOver(InputEntry.shellCommand(typed.cutAt(line.length())),
                            word + " command ignored; use \\endif or Ctrl-C to exit current \\if block");
                    return;
                }
                if (admit(InputEntry.shellCommand(typed.cutAt(line.length())))) {
                    boolean ok = shellCommands.run(ShellCommandLine.interpolate(line.strip(), session.variables()));
                    boolean cancelled = session.interrupted();
                    // Ctrl-C during one of our commands stops a script, as during a statement
                    if (!stopForInterrupt()) entryDone(ok, cancelled);
                }
                return;
            }
            if (interactive && isWord(line, "quit", "exit")) {
                typed.clear();
                stop = true;
                return;
            }
            if (interactive && isWord(line, "help")) {
                typed.clear();
                session.out().println(help());
                session.out().flush();
                return;
            }
        }
        scanner.setStandardConformingStrings(session.connection().standardConformingStrings());
        scanner.feedLine(line, listener);
        while (editedInput != null && !stop) rescanEdited();
        editedInput = null;
        String between = typed.endLine(!scanner.hasPendingText());
        if (between != null && !stop) comment(between);
    }

    /**
     * psql's PSQL_CMD_NEWEDIT: the editor's text, ended by a newline, is scanned as one new line from a fresh
     * lexer state; what ends in a semicolon runs, and the rest is the query buffer (the prompt shows it again).
     */
    private void rescanEdited() {
        String text = editedInput;
        editedInput = null;
        scanner.resetBuffer();
        typed.clear();
        if (text.isEmpty()) return;
        if (!text.endsWith("\n")) text += "\n";
        typed.startLine(text);
        scanner.setStandardConformingStrings(session.connection().standardConformingStrings());
        scanner.feedLine(text, listener);
    }

    /**
     * The unfinished statement, for the line editor to show again: it leaves the query buffer, and the text as
     * typed is forgotten with it (it comes back when the user sends it).
     */
    public String takePending() {
        String pending = scanner.hasPendingText() ? scanner.takeBuffer() : "";
        scanner.resetBuffer();
        typed.clear();
        return pending;
    }

    /** End of input: psql sends an unterminated statement; an unterminated quote or comment is refused. */
    public void finishInput() {
        try {
            scanner.finish().ifPresent(sql -> {
                InputEntry entry = InputEntry.statement(typed.cutAt(Integer.MAX_VALUE), sql);
                if (!conditionals.active()) {
                    passOver(entry, null);   // psql does not send it, and says nothing at the end of a script
                    return;
                }
                if (admit(entry)) withRecordedCopyData(() -> runSql(sql));
            });
        } catch (UnterminatedInputException e) {
            typed.clear();
            ScriptLocation loc = session.location();
            String where = loc.name() == null ? "" : "shardprep:" + loc.name() + ":" + e.line() + ": ";
            session.message(where + "error: " + e.reason() + " at end of input; nothing was sent");
            scanner.resetBuffer();
            commandDone(false);
        }
    }

    private final ScanListener listener = new ScanListener() {
        @Override
        public void onStatement(String sql, int firstLine) {
            if (stop) return;
            InputEntry entry = InputEntry.statement(typed.cutAt(scanner.lineOffset()), sql);
            if (!conditionals.active()) {
                passOver(entry, "query ignored; use \\endif or Ctrl-C to exit current \\if block");
                return;
            }
            if (!admit(entry)) return;
            withRecordedCopyData(() -> runSql(sql));
        }

        @Override
        public void onMetaCommand(MetaCommand command) {
            if (stop) return;
            InputEntry entry = InputEntry.metaCommand(typed.cutAt(scanner.lineOffset()), command);
            if (session.restrictKey() != null && !command.name().equals("unrestrict")) {
                // psql refuses any other command first, in a branch that does not run too, and drops its line
                if (!admit(entry)) return;
                session.error("backslash commands are restricted; only \\unrestrict is allowed");
                scanner.stopLine();
                commandDone(false);
                return;
            }
            MetaCommandCatalog.Entry known = MetaCommandCatalog.PSQL.find(command.dispatchName());
            if (known != null && known.branching()) {
                if (!admit(entry)) return;
                MetaCommandResult result = branching.execute(command, scanner);
                syncBranch();
                if (result == MetaCommandResult.ERROR) scanner.stopLine();   // psql drops the rest of the line
                commandDone(result == MetaCommandResult.OK);
                return;
            }
            if (!conditionals.active()) {
                // skipped unparsed: no variables, no backquoted commands, as psql
                String warning = "\\" + command.name() + " command ignored; use \\endif or Ctrl-C to exit current \\if block";
                if (command.isKnown()) {
                    passOver(entry, warning);
                    return;
                }
                warnIgnored(warning);   // psql still reports a command it does not know: an error like any other
            }
            if (!admit(entry)) return;
            MetaCommandResult result = withRecordedCopyData(() -> metaCommands.execute(command, scanner));
            if (result == MetaCommandResult.FATAL) {
                exitStatus = EXIT_BADCONN;
                stop = true;
                scanner.stopLine();
            } else if (result == MetaCommandResult.QUIT) {
                stop = true;
                scanner.stopLine();
            } else if (result == MetaCommandResult.NEW_EDIT) {
                editedInput = metaCommands.takeEdited();   // scanned once this line is done; the rest of it is dropped
                scanner.stopLine();
                commandDone(true);
            } else if (observer != null && session.interrupted()) {
                if (!stopForInterrupt()) entryDone(result == MetaCommandResult.OK, true);
            } else {
                commandDone(result == MetaCommandResult.OK);
            }
        }
    };

    /**
     * A complete entry is about to run: the observer (replay) may skip it or stop here, and the recording, if this
     * input is the one being recorded, writes it down. Returns whether it runs.
     */
    private boolean admit(InputEntry entry) {
        if (observer != null) {
            InputObserver.Verdict verdict = observer.beforeRun(entry);
            if (verdict == InputObserver.Verdict.STOP) {
                stop = true;
                scanner.stopLine();
                return false;
            }
            if (verdict == InputObserver.Verdict.SKIP) {
                skip(entry);
                return false;
            }
        }
        Recorder recorder = session.recorder();
        if (recorder.recordsFor(session.location())) recorder.write(entry);
        return true;
    }

    /**
     * An entry in an {@code \if} branch that does not run. It is still input as typed: a recording keeps it (the
     * replay takes the same branches), a replay shows it as narration. At the prompt psql says it was ignored.
     */
    private void passOver(InputEntry entry, String interactiveWarning) {
        warnIgnored(interactiveWarning);
        if (observer != null) observer.comment(entry.text());
        Recorder recorder = session.recorder();
        if (recorder.recordsFor(session.location())) recorder.write(entry);
        lastFailed = false;   // psql fakes success for what it skips
    }

    private void warnIgnored(String warning) {
        if (warning != null && interactive && session.location().name() == null) session.message(warning);
    }

    /** Variables are not interpolated in a branch that does not run: its text stays as typed. */
    private void syncBranch() {
        scanner.setVariables(conditionals.active() ? session.variables() : null);
    }

    /** A skipped entry leaves nothing behind: not the query buffer a \g would have sent, not its COPY data. */
    private void skip(InputEntry entry) {
        if (entry.kind() == InputEntry.Kind.META) scanner.resetBuffer();
        if (!readsCopyData(entry)) return;
        CopyDataInput data = session.copyDataInput();
        try {
            String line;
            while ((line = data.readLine()) != null && !line.equals("\\.")) {
                // the skipped COPY's data
            }
        } catch (IOException e) {
            session.error("reading COPY data: " + e.getMessage());
        }
    }

    /**
     * Whether an entry reads COPY data from the input it came from (COPY ... FROM STDIN, \\copy ... from stdin):
     * the lines after it, up to {@code \\.}, belong to it.
     */
    private boolean readsCopyData(InputEntry entry) {
        return switch (entry.kind()) {
            case SQL -> CopyStatement.clientSide(entry.sql()) == CopyStatement.Direction.FROM_STDIN;
            case META -> entry.metaName().equals("copy")
                    && SlashCopyParser.readsCurrentInput(entry.command().rawArgs(), session.connection().standardConformingStrings());
            case SHELL -> false;
        };
    }

    /** Comment lines between entries: narration for a replay, kept in a recording. */
    private void comment(String text) {
        if (observer != null) observer.comment(text);
        Recorder recorder = session.recorder();
        if (recorder.recordsFor(session.location())) recorder.writeComment(text);
    }

    /** While recording, COPY data read from this input (up to its \.) goes into the recording after the command. */
    private <T> T withRecordedCopyData(Supplier<T> run) {
        Recorder recorder = session.recorder();
        if (!recorder.recordsFor(session.location())) return run.get();
        CopyDataInput source = session.copyDataInput();
        Recorder.RecordedCopyData data = recorder.recordCopyData(source);
        session.setCopyDataInput(data);
        try {
            return run.get();
        } finally {
            session.setCopyDataInput(source);
            data.end();
        }
    }

    private void withRecordedCopyData(Runnable run) {
        withRecordedCopyData(() -> {
            run.run();
            return null;
        });
    }

    private void runSql(String sql) {
        QueryOutcome outcome = session.execute(sql);
        boolean cancelled = session.interrupted();
        if (stopForInterrupt()) return;
        if (outcome.connectionLost()) {
            handleLostConnection(outcome);
            return;
        }
        entryDone(outcome.success(), cancelled);
    }

    /**
     * An entry has run. One that Ctrl-C cancelled in a replay is not an error that ON_ERROR_STOP acts on: the
     * presenter asked for it, and the replay goes on (stopForInterrupt has let the observer decide).
     */
    private void entryDone(boolean success, boolean cancelled) {
        if (cancelled && observer != null) {
            lastFailed = !success;
            return;
        }
        commandDone(success);
    }

    /** psql: interactively, reconnect and go on; in a script, the connection is gone and so is the run (2). */
    private void handleLostConnection(QueryOutcome outcome) {
        lastFailed = true;
        String prefix = session.location().prefix();
        // after a FATAL from the server, libpq also reports the socket closing, as psql shows
        if (outcome.serverExplained()) session.message(prefix + QueryRunner.CONNECTION_CLOSED);
        if (session.interactive()) {
            boolean ok = session.reset();
            session.message("The connection to the server was lost. Attempting reset: " + (ok ? "Succeeded." : "Failed."));
        } else {
            session.message(prefix + "error: connection to server was lost");
            exitStatus = EXIT_BADCONN;
            stop = true;
        }
    }

    private void commandDone(boolean success) {
        lastFailed = !success;
        if (!success && !interactive && session.variables().onErrorStop()) {
            exitStatus = EXIT_USER;
            stop = true;
        }
    }

    /** psql (interactive, empty buffer): "help", "quit" or "exit" alone on a line. */
    private static boolean isWord(String line, String... words) {
        String s = line.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        for (String w : words) if (s.equals(w)) return true;
        return false;
    }

    /** psql's answer to "help", and shardprep's commands, one a line with its summary. */
    private String help() {
        StringBuilder s = new StringBuilder("You are using shardprep, a psql-compatible shell that prepares PostgreSQL for Citus.\n"
                + "Type:  \\? for help with psql commands\n"
                + "       \\g or terminate with semicolon to execute query\n"
                + "       \\q to quit\n"
                + "       help COMMAND (or COMMAND --help) for one of shardprep's commands:\n");
        for (var e : shellCommands.entries()) s.append(String.format("         %-20s %s%n", e.name(), e.summary()));
        return s.toString().stripTrailing();
    }

    /**
     * "help load-all", "help swap-pk run": the command's usage and options, as "load-all --help" prints them. Only
     * for one of our commands: anything else after "help" is left to the SQL path, as psql leaves it.
     */
    private boolean helpForCommand(String line) {
        String rest = line.strip().replaceFirst("(?i)^help\\s+", "");
        if (rest.equals(line.strip()) || !shellCommands.isCommand(ShellCommands.firstWord(rest))) return false;
        InputEntry entry = InputEntry.shellCommand(typed.cutAt(line.length()));
        if (!conditionals.active()) {
            passOver(entry, "help command ignored; use \\endif or Ctrl-C to exit current \\if block");
            return true;
        }
        if (admit(entry)) {
            session.out().print(shellCommands.usage(rest));
            session.out().flush();
            commandDone(true);
        }
        return true;
    }
}
