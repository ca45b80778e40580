package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** Exceptions shaped like those pgjdbc 42.7.8 really throws (see ConnectionIntegrationTest). */
class ConnectionFailureMessageTest {

    private static ConnectionSettings at(String host, int port) {
        return new ConnectionSettings(List.of(new HostPort(host, port)), "db", "x", null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static PSQLException fatal(String message, String state) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + state + "\0M" + message + "\0"));
    }

    @Test
    void serverErrorWithIpHost() {
        assertThat(ConnectionFailureMessage.friendlyMessage(
                fatal("password authentication failed for user \"x\"", "28P01"), at("127.0.0.1", 5432)))
                .isEqualTo("connection to server at \"127.0.0.1\", port 5432 failed: "
                        + "FATAL:  password authentication failed for user \"x\"");
    }

    @Test
    void hostNameShowsItsAddress() {
        assertThat(ConnectionFailureMessage.friendlyMessage(fatal("database \"db\" does not exist", "3D000"),
                new ConnectionSettings(List.of(new HostPort("localhost", "127.0.0.1", 5432)), "db", "x", null, null,
                        null, null, null, null, null, null, null, null, null)))
                .isEqualTo("connection to server at \"localhost\" (127.0.0.1), port 5432 failed: "
                        + "FATAL:  database \"db\" does not exist");
    }

    @Test
    void socket() {
        assertThat(ConnectionFailureMessage.friendlyMessage(
                fatal("Peer authentication failed for user \"postgres\"", "28000"), at("/var/run/postgresql", 5432)))
                .isEqualTo("connection to server on socket \"/var/run/postgresql/.s.PGSQL.5432\" failed: "
                        + "FATAL:  Peer authentication failed for user \"postgres\"");
        PSQLException missing = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new SocketException("No such file or directory"));
        assertThat(ConnectionFailureMessage.friendlyMessage(missing, at("/tmp", 5439)))
                .isEqualTo("connection to server on socket \"/tmp/.s.PGSQL.5439\" failed: No such file or directory. "
                        + "Is the server running locally and accepting connections on that socket?");
    }

    @Test
    void refused() {
        PSQLException e = new PSQLException("Connection to 127.0.0.1:5433 refused. Check that ...",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));
        assertThat(ConnectionFailureMessage.friendlyMessage(e, at("127.0.0.1", 5433)))
                .isEqualTo("connection to server at \"127.0.0.1\", port 5433 failed: Connection refused. "
                        + "Is the server running on that host and accepting TCP/IP connections?");
    }

    @Test
    void unknownHost() {
        PSQLException e = new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT,
                new UnknownHostException("nosuchhost.invalid"));
        assertThat(ConnectionFailureMessage.friendlyMessage(e, at("nosuchhost.invalid", 5432)))
                .isEqualTo("could not translate host name \"nosuchhost.invalid\" to address: Name or service not known");
    }

    @Test
    void noPassword() {
        PSQLException e = new PSQLException("The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED);
        assertThat(ConnectionFailureMessage.friendlyMessage(e, at("127.0.0.1", 5432)))
                .isEqualTo("connection to server at \"127.0.0.1\", port 5432 failed: fe_sendauth: no password supplied");
        assertThat(ConnectionFailureMessage.friendlyMessage(e)).isEqualTo("fe_sendauth: no password supplied");
    }

    @Test
    void sslRequiredButUnsupported() {
        PSQLException e = new PSQLException("The server does not support SSL.", PSQLState.CONNECTION_REJECTED);
        assertThat(ConnectionFailureMessage.friendlyMessage(e))
                .isEqualTo("server does not support SSL, but SSL was required");
    }

    @Test
    void otherMessagesKeepOnlyTheirFirstLine() {
        assertThat(ConnectionFailureMessage.friendlyMessage(new SQLException("first\nsecond")))
                .isEqualTo("first");
    }

    @Test
    void passwordRequiredDetection() {
        assertThat(PasswordRequiredDetector.isPasswordRequired(new PSQLException(
                "The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED))).isTrue();
        assertThat(PasswordRequiredDetector.isPasswordRequired(new PSQLException(
                "The server requested password-based authentication, but no password was provided by plugin null",
                PSQLState.CONNECTION_REJECTED))).isTrue();
        assertThat(PasswordRequiredDetector.isPasswordRequired(
                new SQLException("wrapped", "08001", new PSQLException(
                        "The server requested SCRAM-based authentication, but no password was provided.",
                        PSQLState.CONNECTION_REJECTED)))).isTrue();
        // A wrong password is not a missing one: psql does not prompt again.
        assertThat(PasswordRequiredDetector.isPasswordRequired(
                fatal("password authentication failed for user \"x\"", "28P01"))).isFalse();
        assertThat(PasswordRequiredDetector.isPasswordRequired(new PSQLException("The server does not support SSL.",
                PSQLState.CONNECTION_REJECTED))).isFalse();
    }
}
