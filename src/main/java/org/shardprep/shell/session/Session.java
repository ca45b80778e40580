package org.shardprep.shell.session;

import org.shardprep.shell.output.OutputTarget;
import org.shardprep.shell.output.PagedOutput;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.input.CopyDataInput;
import org.shardprep.command.BackgroundWork;
import org.shardprep.command.CommandContext;
import org.shardprep.command.Console;
import org.shardprep.command.DatabaseKey;
import org.shardprep.command.SqlInterceptor;
import org.shardprep.command.TimingLog;
import org.shardprep.connect.EmbeddedServer;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryOutput;
import org.shardprep.sql.QueryRunner;
import org.shardprep.shell.record.Recorder;
import org.shardprep.sql.CopyEndpoint;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.PrintOptions;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One user's session: the connection, psql's variables and print settings, \timing, and where output goes.
 * Everything that runs input (REPL, -c, -f, stdin) works on this one object.
 */
public final class Session implements CommandContext, AutoCloseable {

    /** Rows per FETCH when FETCH_COUNT is not set: results stream in bounded memory anyway. */
    static final int DEFAULT_FETCH = 1000;

    private SessionConnection connection;
    private QueryRunner runner;
    private final SessionConnector connector;
    private final EmbeddedServer embedded;
    private final Variables variables = new Variables();
    private final PrintOptions printOptions = new PrintOptions();
    private final PrintWriter out;
    private final PrintStream err;
    private final boolean interactive;
    private org.jline.terminal.Terminal terminal;   // the interactive shell's, else null
    private java.util.function.Supplier<java.util.List<String>> history;   // the interactive shell's, else null
    private String restrictKey;   // \\restrict's key while the session is in restricted mode, else null
    private IntSupplier terminalWidth = () -> 0;
    private IntSupplier terminalHeight = () -> 0;
    private ScriptLocation location = new ScriptLocation(null);
    private boolean timing;
    private volatile boolean interrupted;        // Ctrl-C since the last command began
    private final java.util.concurrent.atomic.AtomicLong interrupts = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean statementRunning;
    private volatile Thread commandThread;       // one of our commands runs on it: Ctrl-C interrupts it and cancels its statements
    private final java.util.Set<java.sql.Connection> foreground = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean watching;                    // \watch repeats a query: psql 15 does not page it
    private Pager pager = Pager.ON;
    private String lastQuery;
    private PrintWriter resultTarget;     // a one-off \g FILE target, else null
    private OutputTarget queryOutput;     // \o FILE or \o |cmd, else null (stdout)
    private java.nio.file.Path workingDirectory = java.nio.file.Path.of("").toAbsolutePath();   // \cd (the JVM cannot chdir)
    private CopyDataInput copyDataInput;  // where COPY FROM STDIN reads: the current script, stdin or the terminal
    private Runnable catalogChangeListener = () -> { };
    private org.shardprep.sql.PgProtocol.Results capture;
    private String lastErrorVerbose;
    private PagedOutput paging;        // the pager of the statement running, or null
    private long printingNanos;        // printing time of the statement running, left out of \timing
    private volatile java.util.function.Consumer<String> noticeSink;   // background lines: above the prompt, or straight out
    private final BackgroundWork background = new BackgroundWork();
    private final TimingLog timingLog = new TimingLog();
    private final StatementSender sender = new StatementSender(this);
    private com.zaxxer.hikari.HikariDataSource pool;
    private CopyEndpoint copyEndpoint;    // \copy's file, program or pstdin/pstdout for one statement, else null
    private SqlInterceptor interceptor;   // statements the shell answers itself (client-side pg_cron), else null
    private final Recorder recorder = new Recorder(this::message);
    private final Console console = new SessionConsole(this, System.getenv());

    public Session(SessionConnection connection, SessionConnector connector, EmbeddedServer embedded,
                   PrintWriter out, PrintStream err, boolean interactive) {
        this.connection = connection;
        this.runner = new QueryRunner(connection);
        this.connector = connector;
        this.embedded = embedded;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        publishConnectionVariables();
    }

    public SessionConnection connection() { return connection; }

    public EmbeddedServer embedded() { return embedded; }

    public Variables variables() { return variables; }

    public boolean interactive() { return interactive; }

    public PrintWriter out() { return out; }

    public PrintStream err() { return err; }

    public void setTerminalWidth(IntSupplier width) { this.terminalWidth = width; }

    /** The terminal the user types at (the interactive shell), or null for a script. */
    public org.jline.terminal.Terminal terminal() { return terminal; }

    public void setTerminal(org.jline.terminal.Terminal terminal) { this.terminal = terminal; }

    /** The lines typed at the terminal, oldest first (\\s); null without one, as psql without readline's history. */
    public java.util.List<String> history() { return history == null ? null : history.get(); }

    public void setHistory(java.util.function.Supplier<java.util.List<String>> history) { this.history = history; }

    /** psql 15.14's restricted mode (\\restrict KEY, as pg_dump's scripts begin): the key, or null when not in it. */
    public String restrictKey() { return restrictKey; }

    public void setRestrictKey(String key) { this.restrictKey = key; }

    public void setTerminalHeight(IntSupplier height) { this.terminalHeight = height; }

    public ScriptLocation location() { return location; }

    /** Sets where input comes from and returns the previous one (scripts nest with \i). */
    public ScriptLocation enter(ScriptLocation next) {
        ScriptLocation previous = location;
        location = next;
        return previous;
    }

    /** COPY ... FROM STDIN data: the current input source, or the process's standard input. */
    public CopyDataInput copyDataInput() {
        if (copyDataInput == null) {
            copyDataInput = CopyDataInput.of(org.shardprep.shell.input.StandardInput.reader(), null);
        }
        return copyDataInput;
    }

    /** Sets the COPY data source and returns the previous one (scripts nest with \i). */
    public CopyDataInput setCopyDataInput(CopyDataInput input) {
        CopyDataInput previous = copyDataInput;
        copyDataInput = input;
        return previous;
    }

    /** The directory relative file names are resolved against; \cd changes it. */
    public java.nio.file.Path workingDirectory() { return workingDirectory; }

    public void setWorkingDirectory(java.nio.file.Path dir) { workingDirectory = dir; }

    public java.nio.file.Path resolve(String fileName) {
        return workingDirectory.resolve(org.shardprep.shell.copy.HomeDirectories.system().expandTilde(fileName));
    }

    /** \o: send query results to a target from now on (null: back to stdout); the previous one is closed. */
    public void setQueryOutput(OutputTarget target) {
        if (queryOutput != null) queryOutput.close();
        queryOutput = target;
    }

    public Pager pager() { return pager; }

    public void setPager(Pager pager) { this.pager = pager; }

    /**
     * Ctrl-C: cancels the running statement on the server (psql's cancel request) and marks the session
     * interrupted, which stops \watch and, in a script, the script. Returns whether a statement was running.
     */
    public boolean interrupt() {
        interrupted = true;
        interrupts.incrementAndGet();
        boolean running = statementRunning || !foreground.isEmpty();
        if (running) message("Cancel request sent");   // before the cancel, so before the error it causes (psql's order)
        // The thread first: once the cancel lands, the command may clear the interrupt and go on (a replay), and an
        // interrupt arriving after that would end what comes next.
        Thread command = commandThread;
        if (command != null) command.interrupt();   // a command waiting or computing (generate-data, a sleep) stops
        for (java.sql.Connection c : foreground) {
            try {
                c.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            } catch (java.sql.SQLException ignored) {
                // it finished meanwhile
            }
        }
        if (statementRunning || command != null) connection.cancel();   // a command's own statements on it too
        return running;
    }

    @Override
    public boolean interrupted() { return interrupted; }

    /** The main loop runs one of our commands on this thread (null: no longer). */
    public void setCommandThread(Thread thread) { commandThread = thread; }

    @Override
    public java.sql.Connection borrow() throws java.sql.SQLException {
        return PooledConnections.borrow(this, foreground);
    }


    @Override
    public DatabaseKey databaseKey() {
        var c = connection;
        boolean onEmbedded = embedded != null && embedded.port() == c.port();
        return DatabaseKey.of(c.host(), c.port(), c.database(), onEmbedded ? embedded.dataDirectory() : null);
    }

    @Override
    public Console console() { return console; }

    /**
     * How many Ctrl-Cs the session has seen: a command that runs other commands compares it before and after
     * each one, since a command that handles Ctrl-C itself (a watch that just ends) clears {@link #interrupted()}.
     */
    public long interruptCount() { return interrupts.get(); }

    public void setWatching(boolean on) { watching = on; }

    boolean watching() { return watching; }

    /** The REPL starts each command with a clean slate. */
    public void clearInterrupt() { interrupted = false; }

    public boolean timing() { return timing; }

    public void setTiming(boolean on) { timing = on; }

    public String lastQuery() { return lastQuery; }

    /** Runs one SQL text as psql's SendQuery does (see {@link StatementSender}). */
    public QueryOutcome execute(String sql) {
        return sender.execute(sql);
    }

    /** The statement itself: through the pager when it applies, marked as running for Ctrl-C. */
    QueryOutcome send(String sql) {
        return throughPager(() -> {
            statementRunning = true;
            try {
                return runner.execute(sql, this);
            } finally {
                statementRunning = false;
            }
        });
    }

    @Override
    public void paged(Runnable body) {
        throughPager(() -> {
            body.run();
            return null;
        });
    }

    /**
     * psql's PageOutput(INT_MAX, ...), as \\s uses it: stdout (not \\o's target) through the pager whenever one is
     * on at the terminal, whatever the length.
     */
    public void pagedToTerminal(java.util.function.Consumer<PrintWriter> body) {
        if (!interactive || pager == Pager.OFF || watching) {
            body.accept(out);
            out.flush();
            return;
        }
        PagedOutput paged = new PagedOutput(out, terminalHeight.getAsInt() - 1, PagedOutput.pagerCommand(), true);
        PrintWriter writer = new PrintWriter(paged);
        try {
            body.accept(writer);
        } finally {
            writer.flush();
            paged.close();
        }
    }

    /** Runs body with {@link #results()} going through the pager when psql's rule says so. */
    private <T> T throughPager(java.util.function.Supplier<T> body) {
        PagedOutput paged = pagerApplies() ? new PagedOutput(out, terminalHeight.getAsInt() - 1,
                PagedOutput.pagerCommand(), pager == Pager.ALWAYS) : null;
        if (paged != null) {
            resultTarget = new PrintWriter(paged);
            paging = paged;
        }
        try {
            return body.get();
        } finally {
            if (paged != null) {
                long start = System.nanoTime();
                resultTarget.flush();
                paged.close();   // waits for the user to leave the pager: reading, not the query's time
                printingTook(System.nanoTime() - start);
                resultTarget = null;
                paging = null;
            }
        }
    }

    @Override
    public boolean resultsUnwanted() {
        PagedOutput p = paging;
        return p != null && p.quit();
    }

    @Override
    public void printingTook(long nanos) { printingNanos += nanos; }

    /** Printing time since the last call, for \timing to leave out (see {@link StatementSender}). */
    long takePrintingNanos() {
        long n = printingNanos;
        printingNanos = 0;
        return n;
    }

    /** The query \g and \watch repeat, and a chance for the catalog cache to notice DDL. */
    public void rememberQuery(String sql) {
        lastQuery = sql;
        statementRan(sql);
    }

    SqlInterceptor interceptor() { return interceptor; }

    /** psql pages results at a terminal only, when they go to stdout, and not while \watch repeats. */
    private boolean pagerApplies() {
        return interactive && pager != Pager.OFF && resultTarget == null && queryOutput == null
                && terminalHeight.getAsInt() > 2 && !watching;
    }

    /** psql's connection variables, set at every (re)connection. */
    public void publishConnectionVariables() {
        variables.set("DBNAME", connection.database());
        variables.set("USER", connection.user());
        variables.set("HOST", connection.host());
        variables.set("PORT", String.valueOf(connection.port()));
        String encoding = connection.parameterStatus("client_encoding");
        variables.set("ENCODING", encoding == null ? "UTF8" : encoding);
        variables.set("SERVER_VERSION_NAME", connection.serverVersion());
        variables.set("SERVER_VERSION_NUM", String.valueOf(connection.serverVersionNum()));
        // the client's version, as psql's three say psql's: shardprep's
        variables.set("VERSION_NAME", org.shardprep.command.ShardprepHome.VERSION);
        variables.set("VERSION", "shardprep " + org.shardprep.command.ShardprepHome.VERSION);
        variables.set("VERSION_NUM", org.shardprep.command.ShardprepHome.VERSION_NUM);
    }

    /**
     * \c: opens a connection with the settings and, if it works, makes it the session's. Returns null, or why
     * it failed (the old connection stays then).
     */
    public String switchConnection(org.shardprep.connect.ConnectionSettings settings) {
        try {
            SessionConnection fresh = connector.open(settings);
            connection.close();
            connection = fresh;
            runner = new QueryRunner(fresh);
            publishConnectionVariables();
            return null;
        } catch (SessionConnector.ConnectException e) {
            return e.getMessage();
        }
    }

    /**
     * A line from background work (scheduler, order load, backfill): printed above the prompt without
     * breaking the line being typed (the REPL sets that up), or straight to stdout in scripts.
     */
    public void notice(String line) {
        java.util.function.Consumer<String> sink = noticeSink;
        if (sink != null) {
            sink.accept(line);
        } else {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }

    /** Statements answered by the shell instead of the server (see {@link SqlInterceptor}). */
    public void setSqlInterceptor(SqlInterceptor interceptor) { this.interceptor = interceptor; }

    public void setNoticeSink(java.util.function.Consumer<String> sink) { this.noticeSink = sink; }

    /** Background lines go to {@code sink} while {@code body} runs (a question waiting for a key shows them above it). */
    public <T> T withNotices(java.util.function.Consumer<String> sink, java.util.function.Supplier<T> body) {
        java.util.function.Consumer<String> before = noticeSink;
        noticeSink = sink;
        try {
            return body.get();
        } finally {
            noticeSink = before;
        }
    }

    public BackgroundWork background() { return background; }

    /** `record start FILE`: what the user runs, written down as a script. */
    public Recorder recorder() { return recorder; }

    /** What ran and how long it took, for `timing history` and `timing compare`. */
    public TimingLog timingLog() { return timingLog; }

    /** A shardprep command finished: logged, and timed on screen like a statement when timing is on. */
    public void commandTimed(String line, double ms, boolean ok) {
        timingLog.record(line, ms, ok);
        if (timing) {
            out.println(formatTiming(ms));
            out.flush();
        }
    }

    /**
     * Connections for background work, never the session's own (which belongs to what the user types):
     * a small HikariCP pool on the session's server and database, made on first use.
     */
    public synchronized javax.sql.DataSource pool() {
        if (pool == null || !pool.getJdbcUrl().equals(connection.settings().jdbcUrl())) {
            if (pool != null) pool.close();
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl(connection.settings().jdbcUrl());
            config.setDataSourceProperties(connection.settings().jdbcProperties());
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(0);
            config.setPoolName("shardprep-background");
            config.setExceptionOverrideClassName(PoolErrors.class.getName());   // a refusal is not a broken connection
            config.setInitializationFailTimeout(-1);   // a server that is down fails the job, not the shell
            pool = new com.zaxxer.hikari.HikariDataSource(config);
        }
        return pool;
    }

    /** Who hears that a statement may have changed the catalog (completion's cached names). */
    public void setCatalogChangeListener(Runnable listener) { this.catalogChangeListener = listener; }

    /** Called after a statement ran: DDL (see {@link CatalogChanges}) tells the catalog change listener. */
    private void statementRan(String sql) {
        if (CatalogChanges.mayChange(sql)) catalogChangeListener.run();
    }

    /** psql's ERROR, SQLSTATE and LAST_ERROR_* after a statement the shell ran its own way (\\gdesc). */
    public void recordOutcome(QueryOutcome outcome) {
        sender.recordOutcome(outcome);
    }

    /** Runs a query with its rows going to {@code rows} instead of the printer (\gset, \gexec). */
    public QueryOutcome executeCapturing(String sql, org.shardprep.sql.PgProtocol.Results rows) {
        capture = rows;
        try {
            return execute(sql);
        } finally {
            capture = null;
        }
    }

    @Override
    public org.shardprep.sql.PgProtocol.Results capture() { return capture; }

    @Override
    public void failed(String verboseMessage) { lastErrorVerbose = verboseMessage; }

    /** The last server error at full verbosity (\errverbose), or null when there was none. */
    public String lastErrorVerbose() { return lastErrorVerbose; }

    /** Runs a query with its results sent somewhere else once (\g FILE). */
    public QueryOutcome executeTo(String sql, PrintWriter target) {
        resultTarget = target;
        try {
            return execute(sql);
        } finally {
            resultTarget = null;
        }
    }

    /** Runs a client-side COPY with its data going to or from {@code endpoint} (psql's pset.copyStream). */
    public QueryOutcome executeCopy(String sql, CopyEndpoint endpoint) {
        copyEndpoint = endpoint;
        try {
            return execute(sql);
        } finally {
            copyEndpoint = null;
        }
    }

    /** psql's "Attempting reset": a new connection with the same settings after the server went away. */
    public boolean reset() {
        return switchConnection(connection.settings()) == null;
    }

    /** psql's PrintTiming. */
    public static String formatTiming(double ms) {
        if (ms < 1000.0) return String.format(Locale.ROOT, "Time: %.3f ms", ms);
        double seconds = ms / 1000.0;
        double minutes = Math.floor(seconds / 60.0);
        seconds -= 60.0 * minutes;
        if (minutes < 60.0) {
            return String.format(Locale.ROOT, "Time: %.3f ms (%02d:%06.3f)", ms, (int) minutes, seconds);
        }
        double hours = Math.floor(minutes / 60.0);
        minutes -= 60.0 * hours;
        if (hours < 24.0) {
            return String.format(Locale.ROOT, "Time: %.3f ms (%02d:%02d:%06.3f)", ms, (int) hours, (int) minutes, seconds);
        }
        double days = Math.floor(hours / 24.0);
        hours -= 24.0 * days;
        return String.format(Locale.ROOT, "Time: %.3f ms (%.0f d %02d:%02d:%06.3f)", ms, days, (int) hours, (int) minutes, seconds);
    }

    // ---- QueryOutput: how the runner prints for this session

    @Override
    public PrintWriter results() {
        if (resultTarget != null) return resultTarget;
        return queryOutput != null ? queryOutput.writer() : out;
    }

    /** A status line of ours ("Timing is on.", a summary): stdout, unless QUIET / -q, as psql's are. */
    public void info(String line) {
        if (line.isEmpty() || variables.quiet()) return;
        out.println(line);
        out.flush();
    }

    /**
     * A shell-side error (not the server's), as psql's pg_log_error prints it: "shardprep:FILE:LINE: error: "
     * in a named script, the bare message elsewhere.
     */
    public void error(String message) {
        message(location.prefix() + (location.name() != null ? "error: " : "") + message);
    }

    /** A shell-side warning, as psql's pg_log_warning prints it ("...: warning: " in a named script). */
    public void warning(String message) {
        message(location.prefix() + (location.name() != null ? "warning: " : "") + message);
    }

    @Override
    public CopyEndpoint copyEndpoint() {
        return copyEndpoint != null ? copyEndpoint : new SessionCopyEndpoint(this);
    }

    @Override
    public void message(String text) {
        out.flush();
        err.println(text);
        err.flush();
    }

    @Override
    public PrintOptions printOptions() { return printOptions; }

    @Override
    public int terminalWidth() { return terminalWidth.getAsInt(); }

    @Override
    public boolean quiet() { return variables.quiet(); }

    @Override
    public boolean showAllResults() { return variables.isOn("SHOW_ALL_RESULTS"); }

    @Override
    public String messagePrefix() { return location.prefix(); }

    @Override
    public int fetchCount() {
        int n = variables.fetchCount();
        return n > 0 ? n : DEFAULT_FETCH;
    }

    @Override
    public int printChunkRows() {
        return variables.fetchCount();
    }

    @Override
    public MessageFormatter.Verbosity verbosity() {
        String v = variables.get("VERBOSITY");
        if (v == null) return MessageFormatter.Verbosity.DEFAULT;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "terse" -> MessageFormatter.Verbosity.TERSE;
            case "verbose" -> MessageFormatter.Verbosity.VERBOSE;
            case "sqlstate" -> MessageFormatter.Verbosity.SQLSTATE;
            default -> MessageFormatter.Verbosity.DEFAULT;
        };
    }

    /** psql's LASTOID: the OID of an INSERT's tag (0 since PostgreSQL 12 has no table WITH OIDS), 0 for the rest. */
    @Override
    public void commandTag(String tag) {
        String[] words = tag.split(" ");
        variables.set("LASTOID", words[0].equals("INSERT") && words.length == 3 ? words[1] : "0");
    }

    @Override
    public MessageFormatter.ShowContext showContext() {
        return switch (variables.get("SHOW_CONTEXT").toLowerCase(Locale.ROOT)) {
            case "never" -> MessageFormatter.ShowContext.NEVER;
            case "always" -> MessageFormatter.ShowContext.ALWAYS;
            default -> MessageFormatter.ShowContext.ERRORS;
        };
    }

    @Override
    public void close() {
        recorder.close();   // the shell exits: a recording ends with it, its file complete
        background.stopAll();
        synchronized (this) {
            if (pool != null) pool.close();
        }
        setQueryOutput(null);
        out.flush();
        connection.close();
    }
}
