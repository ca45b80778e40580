package org.shardprep.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The resolved libpq connection parameters (what PQconninfo would report after defaults), and
 * their translation to pgjdbc's URL and properties. pgjdbc knows nothing of libpq's conventions,
 * so this is the one place where the two vocabularies meet.
 *
 * @param hosts              one or more hosts with ports, tried in order
 * @param password           null when none is known (the shell may prompt)
 * @param applicationName    application_name, or null to let the shell name itself
 * @param connectTimeout     seconds as libpq takes them, or null for pgjdbc's default
 * @param options            server options (-c name=value ...), or null
 * @param service            the service name used, or null
 */
public record ConnectionSettings(
        List<HostPort> hosts,
        String dbname,
        String user,
        String password,
        String sslmode,
        String sslrootcert,
        String sslcert,
        String sslkey,
        String sslpassword,
        String applicationName,
        String connectTimeout,
        String options,
        String targetSessionAttrs,
        String service) {

    public static final String DEFAULT_APPLICATION_NAME = "shardprep";

    /** pgjdbc's socket factory from junixsocket that takes the socket path as its argument. */
    static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

    private static final Map<String, String> TARGET_SERVER_TYPE = Map.of(
            "any", "any",
            "read-write", "primary",
            "read-only", "secondary",
            "primary", "primary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    public ConnectionSettings {
        if (hosts == null || hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one host is required");
        }
        hosts = List.copyOf(hosts);
        if (sslmode == null) {
            sslmode = "prefer";
        }
        if (targetSessionAttrs == null) {
            targetSessionAttrs = "any";
        }
    }

    public HostPort firstHost() {
        return hosts.get(0);
    }

    /**
     * The pgjdbc URL. A Unix socket cannot share a URL with TCP hosts (the socket factory applies
     * to the whole connection), so when the first host is a socket only it is used; otherwise
     * socket entries further down the list are left out.
     */
    public String jdbcUrl() {
        String authority;
        if (firstHost().isUnixSocket()) {
            // The host is a placeholder: the socket factory ignores it and opens socketFactoryArg.
            authority = "localhost:" + firstHost().port();
        } else {
            authority = hosts.stream().filter(h -> !h.isUnixSocket())
                    .map(HostPort::jdbcAuthority).collect(Collectors.joining(","));
        }
        // pgjdbc URL-decodes the database name (so '+' would become a space): encode to match.
        return "jdbc:postgresql://" + authority + "/" + URLEncoder.encode(dbname, StandardCharsets.UTF_8);
    }

    public Properties jdbcProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("sslmode", sslmode);
        putIfSet(p, "sslrootcert", sslrootcert);
        putIfSet(p, "sslcert", sslcert);
        putIfSet(p, "sslkey", sslkey);
        putIfSet(p, "sslpassword", sslpassword);
        p.setProperty("ApplicationName",
                applicationName != null && !applicationName.isEmpty() ? applicationName : DEFAULT_APPLICATION_NAME);
        if (connectTimeout != null && !connectTimeout.isBlank()) {
            p.setProperty("connectTimeout", Integer.toString(libpqTimeoutSeconds(connectTimeout)));
        }
        putIfSet(p, "options", options);
        p.setProperty("targetServerType", TARGET_SERVER_TYPE.getOrDefault(targetSessionAttrs, "any"));
        if (firstHost().isUnixSocket()) {
            p.setProperty("socketFactory", UNIX_SOCKET_FACTORY);
            p.setProperty("socketFactoryArg", firstHost().socketPath());
            // libpq never uses SSL over a Unix socket, whatever sslmode says (even verify-full);
            // pgjdbc would send an SSLRequest and fail on "require", so switch it off here.
            p.setProperty("sslmode", "disable");
        }
        return p;
    }

    /** libpq: 0 or negative waits forever; 1 is raised to 2 seconds. pgjdbc: 0 is forever. */
    private static int libpqTimeoutSeconds(String value) {
        int t = Integer.parseInt(value.strip());
        if (t <= 0) {
            return 0;
        }
        return Math.max(t, 2);
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null && !value.isEmpty()) {
            p.setProperty(key, value);
        }
    }

    /** psql's \conninfo sentence for the first host, without an address. */
    public String describe() {
        return describe(firstHost(), null);
    }

    /**
     * psql's \conninfo sentence.
     *
     * @param connected the host actually connected to (with several hosts, the one that answered)
     * @param address   the server's IP address, or null; shown only when it differs from the host
     */
    public String describe(HostPort connected, String address) {
        String head = "You are connected to database \"" + dbname + "\" as user \"" + user + "\"";
        String port = " at port \"" + connected.port() + "\".";
        String hostaddr = connected.hostaddr();
        if (connected.host() != null && connected.host().startsWith("/")) {
            if (hostaddr != null && !hostaddr.isEmpty()) {
                return head + " on address \"" + hostaddr + "\"" + port;
            }
            return head + " via socket in \"" + connected.host() + "\"" + port;
        }
        String host = connected.host() == null || connected.host().isEmpty() ? hostaddr : connected.host();
        String addr = hostaddr != null && !hostaddr.isEmpty() ? hostaddr : address;
        if (addr != null && !addr.isEmpty() && !addr.equals(host)) {
            return head + " on host \"" + host + "\" (address \"" + addr + "\")" + port;
        }
        return head + " on host \"" + host + "\"" + port;
    }

    public ConnectionSettings withPassword(String newPassword) {
        return new ConnectionSettings(hosts, dbname, user, newPassword, sslmode, sslrootcert, sslcert, sslkey,
                sslpassword, applicationName, connectTimeout, options, targetSessionAttrs, service);
    }

    public ConnectionSettings withDatabase(String newDbname) {
        return new ConnectionSettings(hosts, newDbname, user, password, sslmode, sslrootcert, sslcert, sslkey,
                sslpassword, applicationName, connectTimeout, options, targetSessionAttrs, service);
    }

    public ConnectionSettings withUser(String newUser) {
        return new ConnectionSettings(hosts, dbname, newUser, password, sslmode, sslrootcert, sslcert, sslkey,
                sslpassword, applicationName, connectTimeout, options, targetSessionAttrs, service);
    }

    public ConnectionSettings withHosts(List<HostPort> newHosts) {
        return new ConnectionSettings(newHosts, dbname, user, password, sslmode, sslrootcert, sslcert, sslkey,
                sslpassword, applicationName, connectTimeout, options, targetSessionAttrs, service);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "ConnectionSettings[hosts=" + hosts + ", dbname=" + dbname + ", user=" + user
                + ", password=" + (password == null ? "null" : "****") + ", sslmode=" + sslmode
                + ", service=" + service + "]";
    }
}
