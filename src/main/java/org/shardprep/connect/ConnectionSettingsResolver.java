package org.shardprep.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a command line plus the environment into final connection settings the way libpq 15 does
 * for psql (PQconnectdbParams with expand_dbname, then conninfo_add_defaults and connectOptions2):
 * command line and connection string &gt; service file &gt; PG* environment &gt; built-in defaults,
 * then the password file when no password is known.
 */
public final class ConnectionSettingsResolver {

    /** Debian's compiled-in DEFAULT_PGSOCKET_DIR. */
    public static final String DEFAULT_SOCKET_DIR = "/var/run/postgresql";

    /**
     * Variables that choose a server or how to log into it; any of them means "not the embedded
     * server". Tuning variables (PGAPPNAME, PGCONNECT_TIMEOUT, PGOPTIONS, PGCLIENTENCODING) and
     * file locations (PGPASSFILE, PGSERVICEFILE, PGSYSCONFDIR) are often set globally and do not.
     */
    public static final Set<String> CONNECTION_ENV_VARS = Set.of(
            "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE", "PGPASSWORD",
            "PGSSLMODE", "PGREQUIRESSL", "PGSSLROOTCERT", "PGSSLCERT", "PGSSLKEY", "PGTARGETSESSIONATTRS");

    private final String osUser;
    private final String defaultSocketDir;
    private final String defaultHost;
    private final Path defaultSysconfDir;
    private final Consumer<String> warnings;

    /** Resolver for this machine: OS user, /var/run/postgresql if present, Debian's sysconfdir. */
    public ConnectionSettingsResolver(Consumer<String> warnings) {
        this(System.getProperty("user.name"), DEFAULT_SOCKET_DIR,
                Files.isDirectory(Path.of(DEFAULT_SOCKET_DIR)) ? DEFAULT_SOCKET_DIR : "localhost",
                ServiceFile.DEFAULT_SYSCONFDIR, warnings);
    }

    /**
     * @param osUser            default user name (libpq: the OS user)
     * @param defaultSocketDir  libpq's compiled socket directory; a .pgpass entry "localhost" matches it
     * @param defaultHost       host used when none is given (the socket dir, or "localhost" without one)
     * @param defaultSysconfDir where pg_service.conf lives when PGSYSCONFDIR is unset
     * @param warnings          receives non-fatal messages such as .pgpass permission warnings
     */
    public ConnectionSettingsResolver(String osUser, String defaultSocketDir, String defaultHost,
                                      Path defaultSysconfDir, Consumer<String> warnings) {
        this.osUser = osUser;
        this.defaultSocketDir = defaultSocketDir;
        this.defaultHost = defaultHost;
        this.defaultSysconfDir = defaultSysconfDir;
        this.warnings = warnings == null ? w -> { } : warnings;
    }

    /**
     * True when the command line or any PG* connection variable says anything (non-empty). The
     * shell starts its embedded server only when this is false.
     */
    public static boolean hasAnyConnectionInfo(ConnectionRequest request, Map<String, String> env) {
        if (request != null && !request.isEmpty()) {
            return true;
        }
        for (String var : CONNECTION_ENV_VARS) {
            String v = env.get(var);
            if (v != null && !v.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** All libpq keywords with their final values (null = unset), before host/port splitting. */
    public Map<String, String> resolveKeywords(ConnectionRequest request, Map<String, String> env, Path homeDir) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String k : LibpqKeywords.keywords()) {
            opts.put(k, null);
        }
        // 1. Command line, in psql's order host, port, user, dbname: empty values are ignored, and a
        //    dbname that is a connection string overrides what came before it (so it beats -h/-p/-U).
        setIfNonEmpty(opts, "host", request.host());
        setIfNonEmpty(opts, "port", request.port());
        setIfNonEmpty(opts, "user", request.user());
        String db = request.dbname();
        if (db != null && !db.isEmpty()) {
            if (ConnInfoParser.looksLikeConnInfo(db)) {
                opts.putAll(ConnInfoParser.parse(db));
            } else {
                opts.put("dbname", db);
            }
        }
        // 2. Service file: fills only what is still unset.
        String service = opts.get("service") != null ? opts.get("service") : env.get("PGSERVICE");
        if (service != null) {
            ServiceFile.lookup(service, env, homeDir, defaultSysconfDir).forEach(opts::putIfAbsent);
            opts.putIfAbsent("service", service);
        }
        // 3. Environment (an empty variable counts as set, as in libpq).
        for (String k : LibpqKeywords.keywords()) {
            String var = LibpqKeywords.envVar(k);
            if (opts.get(k) == null && var != null && env.get(var) != null) {
                opts.put(k, env.get(var));
            }
        }
        if (opts.get("sslmode") == null) {
            String requireSsl = env.get("PGREQUIRESSL");
            if (requireSsl != null && requireSsl.startsWith("1")) {
                opts.put("sslmode", "require");
            }
        }
        // 4. Built-in defaults for the keywords that have one.
        opts.putIfAbsent("sslmode", "prefer");
        opts.putIfAbsent("target_session_attrs", "any");
        if (isEmpty(opts.get("user"))) {
            opts.put("user", osUser);
        }
        if (isEmpty(opts.get("dbname"))) {
            opts.put("dbname", opts.get("user"));
        }
        LibpqKeywords.validate("sslmode", opts.get("sslmode"));
        LibpqKeywords.validate("target_session_attrs", opts.get("target_session_attrs"));
        return opts;
    }

    public ConnectionSettings resolve(ConnectionRequest request, Map<String, String> env, Path homeDir) {
        Map<String, String> opts = resolveKeywords(request, env, homeDir);
        List<HostPort> hosts = hosts(opts);
        String password = opts.get("password");
        if (isEmpty(password)) {
            password = passwordFromFile(opts, hosts.get(0), homeDir);
        }
        String connectTimeout = opts.get("connect_timeout");
        if (!isEmpty(connectTimeout)) {
            parseInt(connectTimeout, "connect_timeout");
        }
        String appName = !isEmpty(opts.get("application_name"))
                ? opts.get("application_name") : opts.get("fallback_application_name");
        return new ConnectionSettings(hosts, opts.get("dbname"), opts.get("user"),
                isEmpty(password) ? null : password,
                opts.get("sslmode"), opts.get("sslrootcert"), opts.get("sslcert"), opts.get("sslkey"),
                opts.get("sslpassword"), appName, connectTimeout, opts.get("options"),
                opts.get("target_session_attrs"), opts.get("service"));
    }

    /** connectOptions2: split host/hostaddr/port lists, match them up, fill empty entries. */
    private List<HostPort> hosts(Map<String, String> opts) {
        List<String> hostList = split(opts.get("host"));
        List<String> addrList = split(opts.get("hostaddr"));
        List<String> portList = split(opts.get("port"));
        if (!hostList.isEmpty() && !addrList.isEmpty() && hostList.size() != addrList.size()) {
            throw new ConnInfoException("could not match " + hostList.size() + " host names to "
                    + addrList.size() + " hostaddr values");
        }
        int n = Math.max(1, Math.max(hostList.size(), addrList.size()));
        if (portList.size() > 1 && portList.size() != n) {
            throw new ConnInfoException("could not match " + portList.size() + " port numbers to " + n + " hosts");
        }
        List<HostPort> result = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String host = i < hostList.size() ? hostList.get(i) : "";
            String addr = i < addrList.size() ? addrList.get(i) : "";
            if (host.isEmpty() && addr.isEmpty()) {
                host = defaultHost;
            }
            String portText = portList.isEmpty() ? "" : portList.get(portList.size() == 1 ? 0 : i);
            int port = 5432;
            if (!portText.isEmpty()) {
                port = parseInt(portText, "port");
                if (port < 1 || port > 65535) {
                    throw new ConnInfoException("invalid port number: \"" + portText + "\"");
                }
            }
            result.add(new HostPort(host, addr.isEmpty() ? null : addr, port));
        }
        return result;
    }

    /**
     * libpq looks the password up per host; pgjdbc takes one password, so the first host's is used.
     * The default socket directory counts as "localhost".
     */
    private String passwordFromFile(Map<String, String> opts, HostPort first, Path homeDir) {
        Path file = PgPassFile.locate(opts.get("passfile"), homeDir);
        if (file == null) {
            return null;
        }
        String host = first.host();
        if (isEmpty(host)) {
            host = first.hostaddr();
        }
        if (isEmpty(host) || host.equals(defaultSocketDir)) {
            host = "localhost";
        }
        return new PgPassFile(file, warnings)
                .lookup(host, Integer.toString(first.port()), opts.get("dbname"), opts.get("user"))
                .orElse(null);
    }

    private static int parseInt(String text, String keyword) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ConnInfoException("invalid integer value \"" + text + "\" for connection option \"" + keyword + "\"");
        }
    }

    private static List<String> split(String list) {
        if (isEmpty(list)) {
            return List.of();
        }
        return Arrays.asList(list.split(",", -1));
    }

    private static void setIfNonEmpty(Map<String, String> opts, String key, String value) {
        if (!isEmpty(value)) {
            opts.put(key, value);
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
