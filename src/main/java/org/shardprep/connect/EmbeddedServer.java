package org.shardprep.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL that shardprep starts when it is given no connection information: a persistent
 * data directory (so an exercise survives a restart of the shell), database "citus" owned by user "citus",
 * on a port of its own (see {@link EmbeddedPort}). A second shell on the same data directory joins the
 * running server instead of starting another; the server stops when the last shell on it leaves (see
 * {@link EmbeddedShells}). A server left running by shells that crashed is joined the same way.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String DATABASE = "citus";
    public static final String USER = "citus";

    /** Starts and stops in this process take turns too (the file lock is per process). */
    private static final Object IN_PROCESS = new Object();

    private final Path dataDirectory;
    private final int port;
    private final EmbeddedPostgres postgres;   // null when this shell joined a server another one started
    private final EmbeddedShells shells;
    private final String portNote;
    private boolean closed;

    /** Raised when the server cannot be started; its message is meant for the user as it is. */
    public static final class StartException extends Exception {
        public StartException(String message, Throwable cause) { super(message, cause); }
    }

    private EmbeddedServer(Path dataDirectory, int port, EmbeddedPostgres postgres, EmbeddedShells shells, String portNote) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.postgres = postgres;
        this.shells = shells;
        this.portNote = portNote;
    }

    public static Path defaultDirectory(Path home) {
        return home.resolve(".shardprep").resolve("embedded");
    }

    /** The server in {@code dataDirectory}: joined when it runs already, else started. */
    public static EmbeddedServer start(Path dataDirectory) throws StartException {
        String missing = EmbeddedBinaries.missing();
        if (missing != null) throw new StartException(missing, null);   // before zonky throws, and before any file is made
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(dataDirectory);
                try (FileChannel channel = FileChannel.open(turnFile(dataDirectory), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock turn = channel.lock()) {
                    EmbeddedShells shells = new EmbeddedShells(dataDirectory);
                    shells.others();   // forget the shells that are gone
                    int running = RunningPostmaster.port(dataDirectory);
                    if (running > 0) {
                        shells.join();
                        return new EmbeddedServer(dataDirectory, running, null, shells, "");
                    }
                    EmbeddedPort.Choice choice = EmbeddedPort.choose(dataDirectory);
                    EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setDataDirectory(dataDirectory)
                            .setCleanDataDirectory(false)
                            .setRegisterShutdownHook(false)
                            .setPort(choice.port())
                            // the server may outlive this shell (others on it): its log goes to a file, not our pipe
                            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(dataDirectory).toFile()))
                            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile(dataDirectory).toFile()))
                            .setServerConfig("max_connections", "100")
                            .setServerConfig("shared_buffers", "256MB")
                            .setServerConfig("max_wal_size", "4GB")
                            .setServerConfig("checkpoint_timeout", "15min")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("listen_addresses", "localhost")
                            .start();
                    EmbeddedPort.remember(dataDirectory, choice.port());
                    String note = choice.taken() == 0 ? "" : "; port " + choice.taken()
                            + " was taken by something else, so this directory uses " + choice.port() + " from now on";
                    EmbeddedServer server = new EmbeddedServer(dataDirectory, choice.port(), pg, shells, note);
                    try {
                        server.ensureCitusDatabase();
                        shells.join();
                    } catch (SQLException | IOException | RuntimeException e) {
                        pg.close();
                        throw e;
                    }
                    return server;
                }
            } catch (IOException | SQLException | RuntimeException e) {
                throw new StartException("could not start the embedded server in \"" + dataDirectory + "\": "
                        + rootMessage(e), e);
            }
        }
    }

    /** Held while a shell starts, joins or leaves the server: one decision at a time per data directory. */
    private static Path turnFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    private static Path logFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    /** The first start creates user and database "citus", as the exercise's Azure cluster has them. */
    private void ensureCitusDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!rs.next()) s.execute("create role " + USER + " login superuser");
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) s.execute("create database " + DATABASE + " owner " + USER);
            }
        }
    }

    public int port() { return port; }

    public Path dataDirectory() { return dataDirectory; }

    /** libpq keywords that reach this server; the embedded server trusts local connections. */
    public String conninfo() {
        return "host=localhost port=" + port() + " dbname=" + DATABASE + " user=" + USER;
    }

    /** One line for the start-up and \conninfo: where the server listens, as psql is pointed at it. */
    public String announcement() {
        return "embedded server: host=localhost port=" + port + " (psql -h localhost -p " + port + " -U " + USER
                + " " + DATABASE + ")" + portNote;
    }

    /** This shell leaves; the last one to leave stops the server (pg_ctl stop -m fast: a clean shutdown checkpoint). */
    @Override
    public void close() {
        synchronized (IN_PROCESS) {
            if (closed) return;
            closed = true;
            try (FileChannel channel = FileChannel.open(turnFile(dataDirectory), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock turn = channel.lock()) {
                if (shells.leave() > 0) return;   // others are still on it
                if (postgres != null) postgres.close();
                else RunningPostmaster.stop(dataDirectory);
            } catch (IOException | RuntimeException e) {
                System.err.println("shardprep: warning: the embedded server did not stop cleanly: " + rootMessage(e));
            }
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
