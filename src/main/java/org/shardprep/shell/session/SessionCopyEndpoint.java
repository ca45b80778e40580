package org.shardprep.shell.session;

import org.shardprep.shell.copy.CopyDataLines;
import org.shardprep.shell.copy.DecodingOutputStream;

import org.shardprep.sql.CopyEndpoint;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where a COPY's data goes when nothing else is said (plain SQL {@code COPY ... FROM STDIN / TO STDOUT},
 * {@code \copy ... from stdin / to stdout}): the current input, and the query output (stdout, \o, \g file).
 */
public final class SessionCopyEndpoint implements CopyEndpoint {

    private final Session session;

    public SessionCopyEndpoint(Session session) {
        this.session = session;
    }

    @Override
    public InputStream source() {
        return new CopyDataLines(session.copyDataInput(), session.variables().quiet() ? null : session.out());
    }

    @Override
    public void skipData() throws java.io.IOException {
        var input = session.copyDataInput();
        if (input.interactive()) return;   // at the terminal nobody has typed the data yet
        String line;
        while ((line = input.readLine()) != null && !line.equals("\\.")) {
            // data of a COPY the server refused
        }
    }

    @Override
    public OutputStream sink() {
        return new DecodingOutputStream(session.results());
    }

    @Override
    public boolean sinkIsQueryOutput() { return true; }
}
