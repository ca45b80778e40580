package org.shardprep.connect;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the command line said about the connection, before any defaults: the -h -p -U -d options
 * and the positional DBNAME and USER (psql's usage: {@code [OPTIONS] [DBNAME [USERNAME]]}).
 * Any field may be null. {@code dbname} may itself be a connection string (psql expands it).
 */
public record ConnectionRequest(String host, String port, String user, String dbname) {

    public static final ConnectionRequest EMPTY = new ConnectionRequest(null, null, null, null);

    /** A request made of one connection string (keyword/value or URI), as in {@code psql "host=x"}. */
    public static ConnectionRequest ofConnInfo(String conninfo) {
        return new ConnectionRequest(null, null, null, conninfo);
    }

    /**
     * Applies psql's rule for positional arguments: the first fills the database unless -d was
     * given, the next fills the user unless -U was given, and the rest are ignored with psql's
     * warning ({@code extra command-line argument "x" ignored}).
     */
    public static ConnectionRequest fromCommandLine(String host, String port, String user, String dbname,
                                                    List<String> positionals, Consumer<String> warnings) {
        String db = dbname;
        String u = user;
        for (String arg : positionals == null ? List.<String>of() : positionals) {
            if (db == null) {
                db = arg;
            } else if (u == null) {
                u = arg;
            } else if (warnings != null) {
                warnings.accept("extra command-line argument \"" + arg + "\" ignored");
            }
        }
        return new ConnectionRequest(host, port, user == null ? u : user, db);
    }

    /** The connection string given in place of a database name, or null. */
    public String conninfo() {
        return ConnInfoParser.looksLikeConnInfo(dbname) ? dbname : null;
    }

    /** True when the command line said anything at all about the connection. */
    public boolean isEmpty() {
        return isBlank(host) && isBlank(port) && isBlank(user) && isBlank(dbname);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
