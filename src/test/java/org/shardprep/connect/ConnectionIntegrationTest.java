package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

/**
 * Connects for real to the server named by SHARDPREP_TEST_URL (a libpq connection string or URI),
 * e.g. {@code host=localhost port=5432 user=postgres password=postgres dbname=postgres}.
 * Skipped when the variable is unset. Only the string is used: no PG* variables, no ~/.pgpass.
 */
class ConnectionIntegrationTest {

    @TempDir
    Path home;

    private ConnectionSettings settings;

    @BeforeEach
    void resolve() {
        // the tests' server: SHARDPREP_TEST_URL, or else the embedded one every test JVM starts
        String url = org.shardprep.TestServer.conninfo(org.shardprep.TestServer.keywords().get("dbname"));
        settings = new ConnectionSettingsResolver(null).resolve(ConnectionRequest.ofConnInfo(url), Map.of(), home);
    }

    private static Connection connect(ConnectionSettings s) throws SQLException {
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
    }

    @Test
    void connectsWithResolvedSettings() throws SQLException {
        try (Connection c = connect(settings); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_user, current_database(), "
                     + "current_setting('application_name'), host(inet_server_addr()), inet_server_port()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(settings.user());
            assertThat(rs.getString(2)).isEqualTo(settings.dbname());
            String expectedApp = settings.applicationName() == null ? "shardprep" : settings.applicationName();
            assertThat(rs.getString(3)).isEqualTo(expectedApp);
            if (settings.firstHost().isUnixSocket()) {
                assertThat(rs.getString(4)).isNull(); // a socket connection has no server address
            } else {
                assertThat(rs.getInt(5)).isIn(settings.hosts().stream().map(HostPort::port).toList());
            }
            assertThat(settings.describe()).startsWith("You are connected to database \"" + settings.dbname() + "\"");
        }
    }

    /** The socket path through junixsocket reaches the server (auth may still refuse the user). */
    @Test
    void unixSocketReachesServer() throws SQLException {
        Path socketDir = Path.of(ConnectionSettingsResolver.DEFAULT_SOCKET_DIR);
        int port = settings.firstHost().port();
        assumeTrue(Files.exists(socketDir.resolve(".s.PGSQL." + port)), "no local socket");
        ConnectionSettings viaSocket = settings.withHosts(List.of(new HostPort(socketDir.toString(), port)));
        try (Connection c = connect(viaSocket); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select inet_server_addr() is null")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        } catch (PSQLException e) {
            // e.g. peer authentication for another OS user: still proof the protocol ran over the socket.
            assertThat(e.getServerErrorMessage()).as(e.getMessage()).isNotNull();
            assertThat(ConnectionFailureMessage.friendlyMessage(e, viaSocket))
                    .startsWith("connection to server on socket \"" + socketDir + "/.s.PGSQL." + port + "\" failed: FATAL:  ");
        }
    }

    /**
     * Needs a superuser and a TCP host with password authentication: creates a throw-away role and
     * checks how pgjdbc reports a missing and a wrong password.
     */
    @Test
    void missingPasswordIsDetectedAndWrongPasswordIsNot() throws SQLException {
        assumeTrue(!settings.firstHost().isUnixSocket(), "needs a TCP host");
        String role = "shardprep_pw_test";
        try (Connection admin = connect(settings); Statement st = admin.createStatement()) {
            ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user");
            assumeTrue(rs.next() && rs.getBoolean(1), "needs a superuser");
            st.execute("drop role if exists " + role);
            st.execute("create role " + role + " login password 'right-pw'");
        }
        try {
            ConnectionSettings asRole = settings.withUser(role).withPassword(null);
            SQLException missing = catchThrowableOfType(() -> connect(asRole).close(), SQLException.class);
            assumeTrue(missing != null, "server does not ask this role for a password (trust?)");
            assertThat(missing.getSQLState()).isEqualTo("08004");
            assertThat(PasswordRequiredDetector.isPasswordRequired(missing)).as(missing.getMessage()).isTrue();
            assertThat(ConnectionFailureMessage.friendlyMessage(missing, asRole))
                    .endsWith("failed: fe_sendauth: no password supplied");

            SQLException wrong = catchThrowableOfType(() -> connect(asRole.withPassword("wrong")).close(),
                    SQLException.class);
            assertThat((Throwable) wrong).isNotNull();
            assertThat(wrong.getSQLState()).isEqualTo("28P01");
            assertThat(PasswordRequiredDetector.isPasswordRequired(wrong)).isFalse();
            // pgjdbc reports the last host it tried, and so does the message.
            HostPort last = asRole.hosts().get(asRole.hosts().size() - 1);
            assertThat(ConnectionFailureMessage.friendlyMessage(wrong, asRole))
                    .startsWith("connection to server at \"" + last.host() + "\"")
                    .endsWith(", port " + last.port() + " failed: FATAL:  password authentication failed for user \""
                            + role + "\"");

            try (Connection ok = connect(asRole.withPassword("right-pw"))) {
                assertThat(ok.isValid(5)).isTrue();
            }
        } finally {
            try (Connection admin = connect(settings); Statement st = admin.createStatement()) {
                st.execute("drop role if exists " + role);
            }
        }
    }

    @Test
    void refusedPortGivesPsqlMessage() {
        assumeTrue(!settings.firstHost().isUnixSocket(), "needs a TCP host");
        HostPort h = settings.firstHost();
        ConnectionSettings closed = settings.withHosts(List.of(new HostPort(h.host(), h.hostaddr(), 1)));
        SQLException e = catchThrowableOfType(() -> connect(closed).close(), SQLException.class);
        assertThat(ConnectionFailureMessage.friendlyMessage(e, closed))
                .contains(", port 1 failed: Connection refused. Is the server running on that host");
    }
}
