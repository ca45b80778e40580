package org.shardprep.shell.repl;

import org.shardprep.shell.PromptBuilder;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.shardprep.shell.InputProcessor;
import org.shardprep.shell.session.Session;
import org.shardprep.shell.repl.complete.CatalogNames;
import org.shardprep.shell.repl.complete.KeywordCase;
import org.shardprep.shell.repl.complete.ShellCompleter;
import org.shardprep.shell.repl.complete.SqlHighlighter;
import org.shardprep.sql.scan.OpenState;
import org.jline.terminal.TerminalBuilder;
import org.shardprep.shell.CommandRunner;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interactive loop: read with JLine (history, multi-line editing), run through the shared main loop,
 * cancel the running statement on Ctrl-C, leave on \q, quit, exit or Ctrl-D.
 */
public final class ReplRunner {

    private final Session session;
    private final Terminal terminal;
    private final CommandRunner commands;
    private final PromptBuilder prompts;
    private final PasswordSafeHistory history;

    private ReplRunner(Session session, Terminal terminal, CommandRunner commands) {
        this.prompts = new PromptBuilder(session);
        this.history = new PasswordSafeHistory(session.variables());
        this.session = session;
        this.terminal = terminal;
        this.commands = commands;
    }

    /** Runs the interactive shell on the system terminal until \q, quit, exit or Ctrl-D; psql's exit status. */
    public static int run(Session session, CommandRunner commands) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            session.setTerminal(terminal);
            return new ReplRunner(session, terminal, commands).run();
        } catch (java.io.IOException e) {
            session.error("cannot open the terminal: " + e.getMessage());
            return InputProcessor.EXIT_FAILURE;
        } finally {
            session.setTerminal(null);
        }
    }

    private int run() {
        InputProcessor processor = new InputProcessor(session, commands);
        LineReader reader = lineReader();
        session.setHistory(() -> {
            java.util.List<String> lines = new java.util.ArrayList<>();
            reader.getHistory().forEach(entry -> lines.add(entry.line()));
            return lines;
        });
        session.setTerminalWidth(terminal::getWidth);
        session.setTerminalHeight(terminal::getHeight);
        // Outside readLine the terminal's INT is ours: Ctrl-C cancels the statement on the server.
        terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
        session.setCopyDataInput(new TerminalCopyDataInput(terminal, prompts::copyPattern));
        session.setNoticeSink(line -> {
            reader.printAbove(line);   // background output without breaking the line being typed
        });
        greet();
        String pending = "";
        int eofInARow = 0;
        while (true) {
            // PROMPT1 (PROMPT2 over text left unfinished) on the first line, PROMPT2 on the lines after it;
            // JLine numbers those from 0 + LINE_OFFSET, psql's %l from 2
            String prompt = prompts.pattern(pending.isEmpty() ? OpenState.NONE : OpenState.CONTINUE,
                    processor.activeBranch(), 1);
            reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, prompts.continuationPattern(processor.activeBranch()));
            reader.setVariable(LineReader.LINE_OFFSET, 1);
            String text;
            try {
                text = reader.readLine(prompt, null, (MaskingCallback) null, pending.isEmpty() ? null : pending);
            } catch (UserInterruptException e) {
                pending = "";           // Ctrl-C at the prompt clears the line and the query buffer, as psql
                processor.escapeConditional();   // and leaves the innermost \if block
                continue;
            } catch (EndOfFileException e) {
                // psql's IGNOREEOF, bash's rule: that many Ctrl-D in a row before it leaves
                if (++eofInARow < session.variables().ignoreEof()) {
                    if (!session.quiet()) terminal.writer().println("Use \"\\q\" to leave shardprep.");
                    terminal.writer().flush();
                    continue;
                }
                terminal.writer().println(session.quiet() ? "" : "\\q");
                terminal.writer().flush();
                processor.endOfInteractiveInput();
                if (!confirmQuit(reader)) continue;
                break;
            }
            eofInARow = 0;
            session.clearInterrupt();
            for (String line : text.split("\n", -1)) {
                processor.processLine(line);
                if (processor.stopped()) break;
            }
            session.out().flush();
            if (processor.stopped() && !confirmQuit(reader)) {
                processor.resume();
                continue;
            }
            if (processor.stopped()) break;
            // what is left unfinished goes back into the editor, on a fresh line
            String unfinished = processor.takePending().strip();
            pending = unfinished.isEmpty() ? "" : unfinished + "\n";
        }
        try {
            history.cutFileToHistSize();
        } catch (java.io.IOException e) {
            session.error("could not save history to file \"" + history.file() + "\": " + e.getMessage());
        }
        return processor.exitStatus();
    }

    /** Leaving with work running in the background: ask, then stop it cleanly (Session.close stops the rest). */
    private boolean confirmQuit(LineReader reader) {
        var running = session.background().running();
        if (running.isEmpty()) return true;
        String answer;
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        SqlLineParser parser = reader.getParser() instanceof SqlLineParser p ? p : null;
        if (parser != null) parser.setAnswering(true);   // "y" is an answer, not a statement to continue
        try {
            answer = reader.readLine(String.join(", ", running) + " still running; stop and quit? [y/N] ");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, false);
            if (parser != null) parser.setAnswering(false);
        }
        if (!answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) return false;
        session.background().stopAndQuit();
        return true;
    }

    /** psql's greeting: client and server versions, and where "help" is. */
    private void greet() {
        if (session.quiet()) return;   // psql -q starts at the prompt, without its banner
        var c = session.connection();
        session.out().println("shardprep " + org.shardprep.command.ShardprepHome.VERSION + " (server " + c.serverVersion()
                + (session.embedded() != null ? ", embedded in " + session.embedded().dataDirectory() : "") + ")");
        if (session.embedded() != null) session.out().println(session.embedded().announcement());
        String ssl = c.sslDescription();
        if (ssl != null) session.out().println(ssl);
        session.out().println("Type \"help\" for help.");
        session.out().println();
        session.out().flush();
    }

    /**
     * Where the history is kept, as psql's initializeInput picks it once the startup file has run: HISTFILE, else
     * $PSQL_HISTORY, a ~ in either expanded; else shardprep's own file (not psql's ~/.psql_history: shardprep's
     * commands are in it).
     */
    static Path historyFile(String histFile, String psqlHistory) {
        String named = histFile != null ? histFile : psqlHistory != null && !psqlHistory.isEmpty() ? psqlHistory : null;
        if (named == null) return org.shardprep.command.ShardprepHome.stateDir().resolve("history");
        return Path.of(org.shardprep.shell.copy.HomeDirectories.system().expandTilde(named)).toAbsolutePath();
    }

    private LineReader lineReader() {
        Path file = historyFile(session.variables().get("HISTFILE"), System.getenv("PSQL_HISTORY"));
        try {
            // shardprep's own directory is made; one the user named is theirs to make, as psql's
            if (file.startsWith(org.shardprep.command.ShardprepHome.stateDir())) Files.createDirectories(file.getParent());
        } catch (java.io.IOException ignored) {
            // no history file then; the shell works without one
        }
        CatalogNames catalogNames = new CatalogNames(session::connection);
        session.setCatalogChangeListener(catalogNames::markStale);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("shardprep")
                .parser(new SqlLineParser(commands, () -> session.connection().standardConformingStrings(),
                        () -> session.variables().isOn("SINGLELINE")))
                .completer(new ShellCompleter(catalogNames, commands.registry(),
                        () -> session.variables().all().keySet(),
                        () -> KeywordCase.of(session.variables().compKeywordCase()), session::workingDirectory))
                .highlighter(new SqlHighlighter(session.console().colour()))   // the console decides colour, once
                .option(LineReader.Option.CASE_INSENSITIVE, true)   // LINE<TAB> finds line_items, as in psql
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        LineReader reader = history.installOn(builder, file).build();
        EmptyLineEof.install(reader);
        return reader;
    }
}
