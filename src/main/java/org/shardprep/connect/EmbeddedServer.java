package org.shardprep.connect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL that shardprep starts when it is given no connection information: a persistent
 * data directory (so an exercise survives a restart of the shell), database "citus" owned by user "citus".
 * One shell owns a data directory at a time; a second one is refused with a clear message instead of
 * starting a second postmaster on the same files.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String DATABASE = "citus";
    public static final String USER = "citus";

    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    /** Raised when the server cannot be started; its message is meant for the user as it is. */
    public static final class StartException extends Exception {
        public StartException(String message, Throwable cause) { super(message, cause); }
    }

    private EmbeddedServer(Path dataDirectory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static Path defaultDirectory(Path home) {
        return home.resolve(".shardprep").resolve("embedded");
    }

    public static EmbeddedServer start(Path dataDirectory) throws StartException {
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dataDirectory);
            // Our own lock beside the data directory: held for the life of this process, so a second shell
            // learns at once that the directory is taken (postmaster.pid alone would make it wait and fail late).
            Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StartException("the embedded server in \"" + dataDirectory + "\" is in use by another shardprep;"
                        + " close that shell, or use --embedded-dir DIR for a second server", null);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            EmbeddedServer server = new EmbeddedServer(dataDirectory, channel, lock, pg);
            server.ensureCitusDatabase();
            return server;
        } catch (StartException e) {
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            releaseQuietly(lock, channel);
            throw new StartException("could not start the embedded server in \"" + dataDirectory + "\": "
                    + rootMessage(e), e);
        }
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

    public int port() { return postgres.getPort(); }

    public Path dataDirectory() { return dataDirectory; }

    /** libpq keywords that reach this server; the embedded server trusts local connections. */
    public String conninfo() {
        return "host=localhost port=" + port() + " dbname=" + DATABASE + " user=" + USER;
    }

    @Override
    public void close() {
        try {
            postgres.close();   // pg_ctl stop -m fast: a clean shutdown checkpoint, nothing to recover next time
        } catch (IOException e) {
            System.err.println("shardprep: warning: the embedded server did not stop cleanly: " + rootMessage(e));
        } finally {
            releaseQuietly(lock, lockChannel);
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // the lock dies with the process anyway
        }
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }
}
