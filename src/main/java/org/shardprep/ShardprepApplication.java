package org.shardprep;

import org.shardprep.command.ShardprepHome;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.PasswordPrompt;
import org.shardprep.shell.session.SessionConnector;
import org.shardprep.shell.session.SessionStarter;
import org.shardprep.schedule.ClientScheduling;
import org.shardprep.shell.InputProcessor;
import org.shardprep.shell.NonInteractiveRunner;
import org.shardprep.shell.StartupFiles;
import org.shardprep.shell.session.Session;
import org.shardprep.shell.PsetOption;
import org.shardprep.shell.CommandRunner;
import org.shardprep.shell.repl.ReplRunner;
import org.shardprep.sql.render.PrintOptions;
import sun.misc.Signal;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entry point: psql's command line, then the interactive shell (JLine) or, for -c/-f/piped input, the same
 * main loop reading the script; shardprep's commands come from one registry either way.
 */
public final class ShardprepApplication {

    /** Held so the setting sticks: pgjdbc logs through java.util.logging straight to stderr otherwise. */
    private static final java.util.logging.Logger PGJDBC_LOG = java.util.logging.Logger.getLogger("org.postgresql");

    private ShardprepApplication() {}

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (RuntimeException | Error e) {
            // the last line of defence: one line, never a stack trace
            System.err.println("shardprep: fatal: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            status = InputProcessor.EXIT_FAILURE;
        }
        System.exit(status);
    }

    static int run(String[] args) {
        // no library prints a line of its own: java.util.logging (pgjdbc, JLine) loses its console handler,
        // slf4j (HikariCP, the embedded server) is bound to slf4j-nop, and no other logging library is in the jar
        java.util.logging.LogManager.getLogManager().reset();
        PGJDBC_LOG.setLevel(java.util.logging.Level.OFF);   // its failures reach the user through our messages
        PrintStream err = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        CommandLineOptions opts;
        try {
            opts = CommandLineOptions.parse(args);
        } catch (CommandLineOptions.UsageException e) {
            err.println("shardprep: error: " + e.getMessage() + " (try \"shardprep --help\")");
            return InputProcessor.EXIT_FAILURE;   // psql's status for a bad command line; 2 is for connections
        }
        if (opts.help) {
            System.out.print(CommandLineOptions.usage());
            return InputProcessor.EXIT_OK;
        }
        if (opts.version) {
            System.out.println("shardprep " + ShardprepHome.VERSION + " (psql-compatible)");
            return InputProcessor.EXIT_OK;
        }
        opts.warnings.forEach(w -> err.println("shardprep: warning: " + w));

        boolean interactive = !opts.hasActions() && System.console() != null;
        Map<String, String> env = System.getenv();
        Path home = ShardprepHome.userHome();
        ConnectionRequest request = ConnectionRequest.fromCommandLine(opts.host, opts.port, opts.user, opts.dbname,
                opts.positionals, w -> err.println("shardprep: warning: " + w));
        SessionConnector connector = new SessionConnector(PasswordPrompt.console(), opts.forcePasswordPrompt, opts.neverPrompt);
        SessionStarter starter = new SessionStarter(request, env, home, opts.embedded, opts.embeddedDir, connector);
        starter.startEmbeddedEarly();

        SessionStarter.Started started;
        try {
            started = starter.start(w -> err.println("shardprep: warning: " + w));
        } catch (SessionStarter.StartFailure e) {
            err.println("shardprep: error: " + e.getMessage());
            return InputProcessor.EXIT_BADCONN;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM or an exit with the server still up: stop it cleanly, never leave it half-running
            if (started.embedded() != null) started.embedded().close();
        }));

        PrintWriter out;
        try {
            out = output(opts.outputFile);
        } catch (IOException e) {
            err.println("shardprep: error: " + opts.outputFile + ": " + e.getMessage());
            return InputProcessor.EXIT_FAILURE;
        }
        try (Session session = new Session(started.connection(), connector, started.embedded(), out, err, interactive)) {
            try {
                apply(opts, session);
            } catch (IllegalArgumentException e) {
                err.println("shardprep: error: " + e.getMessage());
                return InputProcessor.EXIT_FAILURE;
            }
            CommandRunner commands = CommandCatalog.forSession(session);
            ClientScheduling.attach(session, commands);   // the database's saved jobs run again; pg_cron SQL hook
            try {
                if (opts.cdsTrainingDir != null) {
                    // load what a session loads (a statement, a command's parser), then leave: the archive is written at exit
                    opts.actions.add(new CommandLineOptions.Action(CommandLineOptions.Action.Kind.COMMAND, "select 1"));
                    opts.actions.add(new CommandLineOptions.Action(CommandLineOptions.Action.Kind.COMMAND, "help load-all"));
                }
                if (!opts.noPsqlrc) StartupFiles.run(session, commands, env, home);
                if (interactive) return ReplRunner.run(session, commands);
                return runNonInteractive(opts, session, commands);
            } finally {
                session.background().stopAll();   // jobs end while the commands they may run still exist
            }
        }
    }

    private static int runNonInteractive(CommandLineOptions opts, Session session, CommandRunner commands) {
        NonInteractiveRunner runner = new NonInteractiveRunner(session, commands);
        // Ctrl-C in a script: cancel the running statement on the server; the script stops (3), as psql's does.
        Signal.handle(new Signal("INT"), signal -> session.interrupt());
        List<NonInteractiveRunner.Step> steps = new ArrayList<>();
        for (CommandLineOptions.Action a : opts.actions) {
            steps.add(new NonInteractiveRunner.Step(a.kind() == CommandLineOptions.Action.Kind.FILE, a.value()));
        }
        return runner.run(steps, opts.singleTransaction);
    }

    /** Flags that are really variables or print settings, applied as psql applies them. */
    private static void apply(CommandLineOptions opts, Session session) {
        opts.variables.forEach((name, value) -> {
            String rejected = null;
            if (value == null) session.variables().unset(name); else rejected = session.variables().set(name, value);
            if (rejected != null) throw new IllegalArgumentException(rejected);   // psql stops too, status 1
        });
        if (opts.quiet) session.variables().set("QUIET", "on");
        if (opts.echoHidden) session.variables().set("ECHO_HIDDEN", "on");
        if (opts.echoAll) session.variables().set("ECHO", "all");
        else if (opts.echoQueries) session.variables().set("ECHO", "queries");
        else if (opts.echoErrors) session.variables().set("ECHO", "errors");
        PrintOptions p = session.printOptions();
        if (opts.unaligned) p.setFormat(PrintOptions.Format.UNALIGNED);
        if (opts.csv) p.setFormat(PrintOptions.Format.CSV);
        if (opts.tuplesOnly) p.setTuplesOnly(true);
        if (opts.expanded) p.setExpanded(PrintOptions.Expanded.ON);
        if (opts.fieldSeparator != null) p.setFieldSeparator(opts.fieldSeparator);
        if (opts.recordSeparator != null) p.setRecordSeparator(opts.recordSeparator);
        opts.psetOptions.forEach(option -> PsetOption.apply(session, option));   // after -A/-t/-F, as psql's order
    }

    private static PrintWriter output(String file) throws IOException {
        java.io.OutputStream target = file == null ? new FileOutputStream(java.io.FileDescriptor.out) : new FileOutputStream(file);
        // buffered and flushed at prompts and before messages: 4 M rows must not mean 4 M write calls
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16), false);
    }
}
