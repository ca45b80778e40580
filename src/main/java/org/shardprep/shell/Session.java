package org.shardprep.shell;

import org.shardprep.connect.EmbeddedServer;
import org.shardprep.connect.SessionConnector;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryOutput;
import org.shardprep.sql.QueryRunner;
import org.shardprep.shell.copy.SessionCopyEndpoint;
import org.shardprep.sql.copy.CopyEndpoint;
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
public final class Session implements QueryOutput, AutoCloseable {

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
    private IntSupplier terminalWidth = () -> 0;
    private ScriptLocation location = new ScriptLocation(null);
    private boolean timing;
    private String lastQuery;
    private PrintWriter resultTarget;     // a one-off \g FILE target, else null
    private CopyDataInput copyDataInput;  // where COPY FROM STDIN reads: the current script, stdin or the terminal
    private CopyEndpoint copyEndpoint;    // \copy's file, program or pstdin/pstdout for one statement, else null

    public Session(SessionConnection connection, SessionConnector connector, EmbeddedServer embedded,
                   PrintWriter out, PrintStream err, boolean interactive) {
        this.connection = connection;
        this.runner = new QueryRunner(connection);
        this.connector = connector;
        this.embedded = embedded;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public SessionConnection connection() { return connection; }

    public EmbeddedServer embedded() { return embedded; }

    public Variables variables() { return variables; }

    public boolean interactive() { return interactive; }

    public PrintWriter out() { return out; }

    public PrintStream err() { return err; }

    public void setTerminalWidth(IntSupplier width) { this.terminalWidth = width; }

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
            copyDataInput = CopyDataInput.of(new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)), null);
        }
        return copyDataInput;
    }

    /** Sets the COPY data source and returns the previous one (scripts nest with \i). */
    public CopyDataInput setCopyDataInput(CopyDataInput input) {
        CopyDataInput previous = copyDataInput;
        copyDataInput = input;
        return previous;
    }

    public boolean timing() { return timing; }

    public void setTiming(boolean on) { timing = on; }

    public String lastQuery() { return lastQuery; }

    /** Runs one SQL text as psql's SendQuery: echo, execute, timing. */
    public QueryOutcome execute(String sql) {
        String echo = variables.echo();
        if (echo.equals("queries")) {
            out.println(sql);
            out.flush();
        }
        long start = System.nanoTime();
        QueryOutcome outcome = runner.execute(sql, this);
        double ms = (System.nanoTime() - start) / 1_000_000.0;
        lastQuery = sql;
        if (!outcome.success() && echo.equals("errors")) {
            err.println(location.prefix() + "STATEMENT:  " + sql);
        }
        if (timing && !outcome.connectionLost()) {
            results().println(formatTiming(ms));
            results().flush();
        }
        return outcome;
    }

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
        try {
            SessionConnection fresh = connector.open(connection.settings());
            connection.close();
            connection = fresh;
            runner = new QueryRunner(fresh);
            return true;
        } catch (SessionConnector.ConnectException e) {
            return false;
        }
    }

    /** psql's PrintTiming. */
    static String formatTiming(double ms) {
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
    public PrintWriter results() { return resultTarget != null ? resultTarget : out; }

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

    @Override
    public void close() {
        out.flush();
        connection.close();
    }
}
