package org.shardprep;

import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.SessionConnection;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sessions on the test server, as a command sees its session, whose results all land in one captured output
 * (messages are dropped); closed together after each test.
 */
public final class TestSessions implements AutoCloseable {

    private final List<Session> sessions = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A session on database {@code db} of the test server. */
    public Session open(String db) throws SQLException {
        var settings = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(TestServer.conninfo(db)), Map.of(), Path.of("/nonexistent"));
        Session s = new Session(SessionConnection.open(settings), null, null,
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        sessions.add(s);
        return s;
    }

    /** What the sessions printed since the last call. */
    public String output() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }

    @Override
    public void close() {
        sessions.forEach(Session::close);
        sessions.clear();
    }
}
