package org.shardprep.shell;

/**
 * Which server and database a session is on, for what shardprep keeps per database under ~/.shardprep (saved
 * jobs, a lesson's record, timing labels): host, port and database name, except on the embedded server, which
 * is named by its data directory instead: its port is the directory's own, but falls back to another when that
 * one is taken, and what was kept must come back all the same.
 */
public record DatabaseKey(String server, int port, String database) {

    public static DatabaseKey of(Session session) {
        var c = session.connection();
        var embedded = session.embedded();
        if (embedded != null && embedded.port() == c.port()) {
            String dir = embedded.dataDirectory().toAbsolutePath().normalize().toString();
            return new DatabaseKey("embedded-" + Integer.toHexString(dir.hashCode()), 0, c.database());
        }
        return new DatabaseKey(c.host(), c.port(), c.database());
    }

    /** server_port_database, with anything but letters, digits, '.', '-' and '_' escaped: a file name. */
    public String fileName() {
        return safe(server) + "_" + port + "_" + safe(database);
    }

    private static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(s).toCharArray()) {
            b.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '%');
        }
        return b.toString();
    }
}
