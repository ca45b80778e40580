package org.shardprep.connect;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Renders a failed {@code DriverManager.getConnection} the way psql reports a failed connection,
 * in one line, e.g. {@code connection to server at "h" (1.2.3.4), port 5432 failed: FATAL:  password
 * authentication failed for user "x"}. pgjdbc's own messages are Java-flavoured ("Connection to
 * h:5432 refused. Check that the hostname ...") and users of a psql-like tool expect libpq's.
 */
public final class ConnectionFailureMessage {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ConnectionFailureMessage() {
    }

    /** The reason alone, without saying which server (for when the settings are not at hand). */
    public static String friendlyMessage(SQLException e) {
        return reason(e, false);
    }

    /**
     * psql's full sentence. With several hosts pgjdbc reports the last one it tried, so that host
     * is named.
     */
    public static String friendlyMessage(SQLException e, ConnectionSettings settings) {
        HostPort target = failedHost(settings);
        if (!target.isUnixSocket()) {
            UnknownHostException unknown = find(e, UnknownHostException.class);
            if (unknown != null) {
                return "could not translate host name \"" + target.host() + "\" to address: Name or service not known";
            }
        }
        return prefix(target) + reason(e, target.isUnixSocket());
    }

    private static HostPort failedHost(ConnectionSettings settings) {
        if (settings.firstHost().isUnixSocket()) {
            return settings.firstHost();
        }
        List<HostPort> tcp = settings.hosts().stream().filter(h -> !h.isUnixSocket()).toList();
        return tcp.get(tcp.size() - 1);
    }

    private static String prefix(HostPort h) {
        if (h.isUnixSocket()) {
            return "connection to server on socket \"" + h.socketPath() + "\" failed: ";
        }
        String host = h.host() == null || h.host().isEmpty() ? h.address() : h.host();
        String address = h.hostaddr();
        if (address == null && !isLiteral(host)) {
            address = resolve(host);
        }
        String addressPart = address != null && !address.equals(host) ? " (" + address + ")" : "";
        return "connection to server at \"" + host + "\"" + addressPart + ", port " + h.port() + " failed: ";
    }

    private static String reason(SQLException e, boolean socket) {
        if (e instanceof PSQLException pe && pe.getServerErrorMessage() != null) {
            ServerErrorMessage sem = pe.getServerErrorMessage();
            // libpq prints "SEVERITY:  message" with two spaces.
            return sem.getSeverity() + ":  " + sem.getMessage();
        }
        if (PasswordRequiredDetector.isPasswordRequired(e)) {
            return "fe_sendauth: no password supplied";
        }
        if (find(e, ConnectException.class) != null) {
            return socket
                    ? "Connection refused. Is the server running locally and accepting connections on that socket?"
                    : "Connection refused. Is the server running on that host and accepting TCP/IP connections?";
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return "timeout expired";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "No route to host";
        }
        UnknownHostException unknown = find(e, UnknownHostException.class);
        if (unknown != null) {
            return "could not translate host name \"" + unknown.getMessage() + "\" to address: Name or service not known";
        }
        SocketException se = find(e, SocketException.class);
        if (socket && se != null && se.getMessage() != null && se.getMessage().contains("No such file")) {
            return "No such file or directory. Is the server running locally and accepting connections on that socket?";
        }
        String msg = e.getMessage();
        if (msg != null && msg.startsWith("The server does not support SSL")) {
            return "server does not support SSL, but SSL was required";
        }
        if (msg != null && msg.contains("could not be verified by hostnameverifier")) {
            // pgjdbc: "The hostname X could not be verified by hostnameverifier PgjdbcHostnameVerifier."
            String host = msg.replaceFirst("^The hostname (\\S+) could not.*$", "$1");
            return "SSL error: server certificate does not match host name \"" + host + "\"";
        }
        String ssl = sslReason(e);
        if (ssl != null) return ssl;
        if (se != null && se.getMessage() != null) {
            return se.getMessage();
        }
        return msg == null ? e.getClass().getSimpleName() : firstLine(msg);
    }

    /** JSSE's handshake failures in libpq's words, without Java class names. */
    private static String sslReason(Throwable e) {
        if (find(e, javax.net.ssl.SSLException.class) == null) return null;
        if (find(e, java.security.cert.CertPathBuilderException.class) != null
                || find(e, java.security.cert.CertPathValidatorException.class) != null) {
            return "SSL error: certificate verify failed";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("hostname") && m.contains("verif")) {
                return "SSL error: server certificate does not match host name";
            }
        }
        javax.net.ssl.SSLException ssl = find(e, javax.net.ssl.SSLException.class);
        String m = ssl.getMessage() == null ? "handshake failed" : ssl.getMessage();
        // JSSE prefixes messages with exception class names ("...: sun.security...Exception: text"): keep the text
        int cut = m.lastIndexOf("Exception: ");
        return "SSL error: " + (cut >= 0 ? m.substring(cut + "Exception: ".length()) : m);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static String resolve(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException | SecurityException ex) {
            return null;
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
