package org.shardprep.sql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ResultPrinter;
import org.shardprep.sql.render.ServerMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * Runs a client-side COPY through pgjdbc's CopyManager, streaming: data moves in buffer-sized pieces
 * between the endpoint and the server, never a whole file in memory. Prints psql's {@code COPY n} tag
 * and reports errors the way any statement's are reported.
 */
public final class CopyRunner {

    private final SessionConnection connection;

    public CopyRunner(SessionConnection connection) {
        this.connection = connection;
    }

    public QueryOutcome run(String sql, CopyStatement.Direction direction, CopyEndpoint endpoint, QueryOutput output) {
        DeferredSource source = new DeferredSource(endpoint);
        try {
            CopyManager copy = connection.jdbc().unwrap(PGConnection.class).getCopyAPI();
            long rows;
            String writeFailure = null;
            if (direction == CopyStatement.Direction.FROM_STDIN) {
                rows = copy.copyIn(sql, source);
            } else {
                WriteFailureGuard sink = new WriteFailureGuard(endpoint.sink());
                rows = copy.copyOut(sql, sink);
                sink.flush();
                writeFailure = sink.failure();
            }
            reportWarnings(sql, output);
            if (writeFailure != null) {
                // psql reads on to the end of the COPY, says what went wrong, prints the tag and counts a failure
                clientError(output, "could not write COPY data: " + writeFailure);
            }
            if (direction == CopyStatement.Direction.FROM_STDIN) output.commandTag("COPY " + rows);   // not TO STDOUT, as psql 15
            boolean tagAfterData = direction == CopyStatement.Direction.TO_STDOUT && endpoint.sinkIsQueryOutput();
            if (!output.quiet() && !tagAfterData) {
                output.results().println(ResultPrinter.statusLine(output.printOptions(), "COPY " + rows));
                output.results().flush();
            }
            if (writeFailure != null) return new QueryOutcome(false, null, false);
            // psql 15 counts the rows of COPY FROM STDIN in ROW_COUNT, and 0 for COPY TO STDOUT
            return QueryOutcome.ok(direction == CopyStatement.Direction.FROM_STDIN ? rows : 0);
        } catch (SQLException e) {
            reportWarnings(sql, output);
            output.message(output.messagePrefix() + QueryRunner.describe(e, sql, 0, output.verbosity(), output.showContext()));
            if (direction == CopyStatement.Direction.FROM_STDIN && !source.opened()) {
                try {
                    endpoint.skipData();
                } catch (IOException ignored) {
                    // the input ended: nothing to pass over
                }
            }
            return QueryOutcome.failed(e, connection.isClosed());
        } catch (IOException e) {
            // the data source failed (CopyManager has ended the COPY with CopyFail) or the sink could not open
            String what = e instanceof DeferredSource.SourceFailure ? "could not read COPY data: " : "could not write COPY data: ";
            clientError(output, what + e.getMessage());
            return new QueryOutcome(false, null, connection.isClosed());
        }
    }

    /** psql's pg_log_error: "error: " after the script position, nothing before it at the terminal. */
    private static void clientError(QueryOutput output, String text) {
        String prefix = output.messagePrefix();
        output.message(prefix + (prefix.isEmpty() ? "" : "error: ") + text);
    }

    /** Notices raised while the COPY ran (triggers, for one) arrive as connection warnings. */
    private void reportWarnings(String sql, QueryOutput output) {
        try {
            SQLWarning w = connection.jdbc().getWarnings();
            connection.jdbc().clearWarnings();
            for (; w != null; w = w.getNextWarning()) {
                String text = w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null
                        ? MessageFormatter.format(ServerMessage.from(pw.getServerErrorMessage()), sql, output.verbosity(),
                                output.showContext())
                        : "WARNING:  " + w.getMessage();
                output.message(output.messagePrefix() + text);
            }
        } catch (SQLException ignored) {
            // the connection is gone; the COPY's own outcome says so
        }
    }

    /** Asks the endpoint for its data on the first read, i.e. only after the server accepted the COPY. */
    private static final class DeferredSource extends InputStream {
        /** A failure of the data source, told apart from the connection's own I/O errors. */
        static final class SourceFailure extends IOException {
            SourceFailure(IOException cause) { super(cause.getMessage(), cause); }

            @Override
            public synchronized IOException getCause() { return (IOException) super.getCause(); }
        }

        private final CopyEndpoint endpoint;
        private InputStream in;

        DeferredSource(CopyEndpoint endpoint) { this.endpoint = endpoint; }

        /** Whether the server asked for data (the endpoint was opened). */
        boolean opened() { return in != null; }

        private InputStream in() throws IOException {
            if (in == null) {
                try {
                    in = endpoint.source();
                } catch (IOException e) {
                    throw new SourceFailure(e);
                }
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in().read(b, off, len);
            } catch (SourceFailure e) {
                throw e;
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }
    }

    /** Keeps the COPY going when the sink fails (a full disk, a program that quit): the first error is kept. */
    private static final class WriteFailureGuard extends OutputStream {
        private final OutputStream out;
        private String failure;

        WriteFailureGuard(OutputStream out) { this.out = out; }

        String failure() { return failure; }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failure != null) return;
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = reason(e);
            }
        }

        @Override
        public void flush() {
            if (failure != null) return;
            try {
                out.flush();
            } catch (IOException e) {
                failure = reason(e);
            }
        }

        private static String reason(IOException e) {
            String m = e.getMessage();
            return m == null ? e.getClass().getSimpleName() : m;
        }
    }
}
