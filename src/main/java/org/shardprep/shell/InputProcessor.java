package org.shardprep.shell;

import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryRunner;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.StatementScanner;
import org.shardprep.sql.scan.UnterminatedInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/**
 * psql's MainLoop: lines in, statements and commands out, for every kind of input (the REPL, -c, -f,
 * piped stdin). The scanner decides where statements end; this class decides what runs and when to stop.
 */
public final class InputProcessor {

    /** psql's exit statuses. */
    public static final int EXIT_OK = 0, EXIT_FAILURE = 1, EXIT_BADCONN = 2, EXIT_USER = 3;

    private final Session session;
    private final MetaCommands metaCommands;
    private final ShellCommands shellCommands;
    private final StatementScanner scanner = new StatementScanner();

    private boolean lastFailed;
    private boolean stop;          // ON_ERROR_STOP tripped, \q, or the connection is gone in a script
    private int exitStatus = EXIT_OK;

    public InputProcessor(Session session, ShellCommands shellCommands) {
        this.session = session;
        this.metaCommands = new MetaCommands(session, this);
        this.shellCommands = shellCommands;
        scanner.setVariables(session.variables());
    }

    public StatementScanner scanner() { return scanner; }

    public boolean stopped() { return stop; }

    /** The user changed their mind about quitting (background work was still running). */
    public void resume() { stop = false; }

    public boolean lastFailed() { return lastFailed; }

    public int exitStatus() { return exitStatus; }

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
            return exitStatus;
        } finally {
            session.enter(previous);
            session.setCopyDataInput(previousData);
        }
    }

    /** Ctrl-C in a script (Session.interrupt): psql stops the script, status 3. */
    private boolean stopForInterrupt() {
        if (session.interrupted() && !session.interactive()) {
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
    boolean include(BufferedReader reader, ScriptLocation location) throws IOException {
        InputProcessor nested = new InputProcessor(session, shellCommands);
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
        for (String line : text.split("\n", -1)) {
            if (stop) break;
            processLine(line);
        }
        if (!stop) finishInput();
        if (exitStatus != EXIT_OK) return exitStatus;
        return lastFailed ? EXIT_FAILURE : EXIT_OK;
    }

    /** One physical line from any source. */
    public void processLine(String line) {
        if (!scanner.hasPendingText()) {
            String word = ShellCommands.firstWord(line);
            if (!word.isEmpty() && shellCommands.isCommand(word)) {
                commandDone(shellCommands.run(ShellCommandLine.interpolate(line.strip(), session.variables())));
                stopForInterrupt();   // Ctrl-C during one of our commands stops a script, as during a statement
                return;
            }
            if (session.interactive() && isWord(line, "quit", "exit")) {
                stop = true;
                return;
            }
            if (session.interactive() && isWord(line, "help")) {
                session.out().println(help());
                session.out().flush();
                return;
            }
        }
        scanner.setStandardConformingStrings(session.connection().standardConformingStrings());
        scanner.feedLine(line, listener);
    }

    /** End of input: psql sends an unterminated statement; an unterminated quote or comment is refused. */
    public void finishInput() {
        try {
            scanner.finish().ifPresent(this::runSql);
        } catch (UnterminatedInputException e) {
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
            if (!stop) runSql(sql);
        }

        @Override
        public void onMetaCommand(MetaCommand command) {
            if (stop) return;
            MetaCommandResult result = metaCommands.execute(command, scanner);
            if (result == MetaCommandResult.FATAL) {
                exitStatus = EXIT_BADCONN;
                stop = true;
                scanner.stopLine();
            } else if (result == MetaCommandResult.QUIT) {
                stop = true;
                scanner.stopLine();
            } else {
                commandDone(result == MetaCommandResult.OK);
            }
        }
    };

    private void runSql(String sql) {
        QueryOutcome outcome = session.execute(sql);
        if (stopForInterrupt()) return;
        if (outcome.connectionLost()) {
            handleLostConnection(outcome);
            return;
        }
        commandDone(outcome.success());
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
        if (!success && !session.interactive() && session.variables().onErrorStop()) {
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

    private String help() {
        String names = shellCommands.names().isEmpty() ? "(none yet)" : String.join(", ", new java.util.TreeSet<>(shellCommands.names()));
        return "You are using shardprep, a psql-compatible shell that prepares PostgreSQL for Citus.\n"
                + "Type:  \\? for help with psql commands\n"
                + "       \\g or terminate with semicolon to execute query\n"
                + "       \\q to quit\n"
                + "shardprep commands: " + names;
    }
}
