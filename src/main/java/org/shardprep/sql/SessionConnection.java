package org.shardprep.sql;

import org.postgresql.PGConnection;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.os.ChildEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The interactive session's one connection to the server. Statements go through {@link PgProtocol} rather than
 * JDBC statements: that is where the command tags, the notices as they arrive and the transaction state psql
 * shows in its prompt are available.
 */
public final class SessionConnection implements AutoCloseable {

    private final ConnectionSettings settings;
    private final Connection connection;
    private final PgProtocol protocol;

    private SessionConnection(ConnectionSettings settings, Connection connection) throws SQLException {
        this.settings = settings;
        this.connection = connection;
        this.protocol = PgProtocol.of(connection);
    }

    /**
     * libpq's EnvironmentOptions: the server settings it takes from the environment at each connection start
     * ("default" there: none). pgjdbc sends its own TimeZone at startup, so they are set just after it. The third,
     * PGDATESTYLE, only in part: pgjdbc closes a connection whose DateStyle does not begin with ISO, so its field
     * order (how '01-02-2000' is read) is taken and its output style is not (see {@link #isoDateStyle}).
     */
    private static final Map<String, String> ENVIRONMENT_SETTINGS = new LinkedHashMap<>(Map.of("PGTZ", "TimeZone", "PGGEQO", "geqo"));

    /** Opens a connection with the settings as they are (the password prompt is the caller's business). */
    public static SessionConnection open(ConnectionSettings settings) throws SQLException {
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
        try {
            // psql's session runs in autocommit; transactions are the user's BEGIN/COMMIT, sent as SQL.
            c.setAutoCommit(true);
            applyEnvironmentSettings(c);
            return new SessionConnection(settings, c);
        } catch (SQLException e) {
            c.close();   // a value the server refuses fails the connection, as it does libpq's
            throw e;
        }
    }

    private static void applyEnvironmentSettings(Connection c) throws SQLException {
        for (Map.Entry<String, String> e : ENVIRONMENT_SETTINGS.entrySet()) {
            String value = ChildEnvironment.get(e.getKey());
            if (value != null && !value.equalsIgnoreCase("default")) set(c, e.getValue(), value);
        }
        String dateStyle = ChildEnvironment.get("PGDATESTYLE");
        if (dateStyle != null && !dateStyle.equalsIgnoreCase("default")) {
            String iso = isoDateStyle(dateStyle);
            if (iso != null) set(c, "DateStyle", iso);
        }
    }

    private static void set(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_catalog.set_config(?, ?, false)")) {
            st.setString(1, name);
            st.setString(2, value);
            st.execute();
        }
    }

    /** "ISO, " and the field order a DateStyle value names (MDY, DMY, YMD or their old names), or null: none. */
    static String isoDateStyle(String value) {
        String order = null;
        for (String part : value.split("[,\\s]+")) {
            switch (part.toLowerCase(java.util.Locale.ROOT)) {
                case "mdy", "us", "noneuropean", "noneuro" -> order = "MDY";
                case "dmy", "european", "euro" -> order = "DMY";
                case "ymd" -> order = "YMD";
                default -> { }
            }
        }
        return order == null ? null : "ISO, " + order;
    }

    public ConnectionSettings settings() { return settings; }

    public Connection jdbc() { return connection; }

    public PgProtocol protocol() { return protocol; }

    public TransactionState transactionState() { return protocol.transactionState(); }

    public boolean standardConformingStrings() { return protocol.standardConformingStrings(); }

    /** A parameter the server reports (client_encoding, is_superuser ...), as libpq's PQparameterStatus. */
    public String parameterStatus(String name) { return protocol.parameterStatus(name); }

    public boolean isSuperuser() { return "on".equals(parameterStatus("is_superuser")); }

    public String database() {
        try {
            return connection.getCatalog();
        } catch (SQLException e) {
            return settings.dbname();
        }
    }

    public String user() {
        String u = parameterStatus("session_authorization");
        return u != null ? u : settings.user();
    }

    /** The server process serving this connection (psql's PQbackendPID); 0 if it cannot be had. */
    public int backendPid() {
        try {
            return connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    public String serverVersion() { return protocol.serverVersion(); }

    public int serverVersionNum() { return protocol.serverVersionNum(); }

    public String host() { return protocol.host(); }

    public int port() { return protocol.port(); }

    /** psql's SSL line for \conninfo, from the server's own view of this connection; null without SSL. */
    public String sslDescription() {
        try (var st = connection.createStatement();
             var rs = st.executeQuery("select version, cipher from pg_stat_ssl where pid = pg_backend_pid() and ssl")) {
            if (!rs.next()) return null;
            return "SSL connection (protocol: " + rs.getString(1) + ", cipher: " + rs.getString(2) + ", compression: off)";
        } catch (SQLException e) {
            return null;
        }
    }

    public boolean isClosed() { return protocol.isClosed(); }

    /** Asks the server to cancel what this session is running (a separate cancel connection, as libpq's). */
    public void cancel() {
        try {
            connection.unwrap(PGConnection.class).cancelQuery();
        } catch (SQLException ignored) {
            // nothing running, or the server is gone: the statement's own error will tell
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a dead connection: nothing to report
        }
    }
}
