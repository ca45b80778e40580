package org.shardprep.connect;

/**
 * One entry of libpq's host list after defaults are applied.
 *
 * @param host     host name, IP address, or a Unix-socket directory (starts with '/'); may be empty
 *                 when only hostaddr was given
 * @param hostaddr numeric address to connect to instead of resolving host (libpq hostaddr=), or null
 * @param port     TCP port, or the number in the socket file name .s.PGSQL.port
 */
public record HostPort(String host, String hostaddr, int port) {

    public HostPort(String host, int port) {
        this(host, null, port);
    }

    /** libpq's is_unixsock_path: a host starting with '/' is a socket directory (unless hostaddr wins). */
    public boolean isUnixSocket() {
        return (hostaddr == null || hostaddr.isEmpty()) && host != null && host.startsWith("/");
    }

    /** The socket file, e.g. /var/run/postgresql/.s.PGSQL.5432. */
    public String socketPath() {
        return host + (host.endsWith("/") ? "" : "/") + ".s.PGSQL." + port;
    }

    /** What to connect to over TCP: hostaddr when given, else host. */
    public String address() {
        return hostaddr != null && !hostaddr.isEmpty() ? hostaddr : host;
    }

    /** As written in a JDBC URL: IPv6 literals need brackets. */
    String jdbcAuthority() {
        String a = address();
        return (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + port;
    }
}
