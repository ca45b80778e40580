package org.shardprep;

import org.shardprep.connect.ConnInfoParser;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.connect.EmbeddedServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real PostgreSQL the tests talk to: the one named by SHARDPREP_TEST_URL (a libpq conninfo or URI),
 * or else one embedded server per test JVM in a temporary directory. Tests get databases of their own.
 */
public final class TestServer {

    private static Map<String, String> base;

    private TestServer() {}

    /** libpq keywords of the server's maintenance connection. */
    public static synchronized Map<String, String> keywords() {
        if (base == null) {
            String url = System.getenv("SHARDPREP_TEST_URL");
            if (url != null && !url.isBlank()) {
                base = new LinkedHashMap<>(ConnInfoParser.parse(url));
            } else {
                try {
                    removeAbandoned();
                    Path dir = Files.createTempDirectory("shardprep-test-pg");
                    EmbeddedServer server = EmbeddedServer.start(dir.resolve("data"));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        // its data grows to gigabytes over a run and is deleted next: an immediate shutdown (SIGQUIT,
                        // no shutdown checkpoint) ends in well under the 30 s Maven gives a test JVM to exit, where
                        // a clean one writing out gigabytes on a busy machine did not
                        stopAtOnce(dir.resolve("data"));
                        TestFiles.deleteTree(dir);
                    }, "stop the test server"));
                    base = new LinkedHashMap<>(ConnInfoParser.parse(server.conninfo()));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot start the embedded test server: " + e.getMessage(), e);
                }
            }
        }
        return base;
    }

    /** pg_ctl stop -m immediate, without pg_ctl: SIGQUIT to the postmaster, then wait for it (at most 10 s). */
    private static void stopAtOnce(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isEmpty()) return;
            new ProcessBuilder("kill", "-QUIT", String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            postmaster.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // no pid file, or a server that would not stop: the next test server removes what is left
        }
    }

    /**
     * Test servers of earlier runs whose JVM was killed before its shutdown hook ended (Maven's fork timeout, Ctrl-C):
     * a data directory with no running postmaster. One that runs belongs to a test JVM still at work: left alone.
     */
    private static void removeAbandoned() throws java.io.IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.newDirectoryStream(tmp, "shardprep-test-pg*")) {
            for (Path dir : dirs) {
                Path pid = dir.resolve("data").resolve("postmaster.pid");
                boolean running = false;
                if (Files.exists(pid)) {
                    try {
                        long n = Long.parseLong(Files.readAllLines(pid).get(0).strip());
                        running = ProcessHandle.of(n).map(ProcessHandle::isAlive).orElse(false);
                    } catch (RuntimeException | java.io.IOException e) {
                        running = true;   // unreadable: not ours to judge
                    }
                } else if (Files.getLastModifiedTime(dir).toMillis() > System.currentTimeMillis() - 10 * 60_000) {
                    running = true;       // no pid yet: perhaps a server still starting
                }
                if (!running) TestFiles.deleteTree(dir);
            }
        }
    }

    /** A conninfo string for database {@code db}, created empty (dropped first if it exists). */
    public static String freshDatabase(String db) {
        try (Connection c = connect(keywords()); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
            s.execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + db + ": " + e.getMessage(), e);
        }
        return conninfo(db);
    }

    public static String conninfo(String db) {
        Map<String, String> k = new LinkedHashMap<>(keywords());
        k.put("dbname", db);
        return k.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue())).collect(Collectors.joining(" "));
    }

    public static Connection connect(String db) throws SQLException {
        Map<String, String> k = new LinkedHashMap<>(keywords());
        k.put("dbname", db);
        return connect(k);
    }

    private static Connection connect(Map<String, String> k) throws SQLException {
        String conninfo = k.entrySet().stream().map(e -> e.getKey() + "=" + quote(e.getValue())).collect(Collectors.joining(" "));
        ConnectionSettings s = new ConnectionSettingsResolver(w -> {}).resolve(ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
    }

    private static String quote(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
