package org.shardprep.command;

/**
 * Which server and database a session is on, for what shardprep keeps per database under ~/.shardprep (saved
 * jobs, a lesson's record, timing labels): host, port and database name, except on the embedded server, which
 * is named by its data directory instead: its port is the directory's own, but falls back to another when that
 * one is taken, and what was kept must come back all the same.
 */
public record DatabaseKey(String server, int port, String database) {

    /** @param embeddedDirectory the embedded server's data directory when the session is on it, else null */
    public static DatabaseKey of(String host, int port, String database, java.nio.file.Path embeddedDirectory) {
        if (embeddedDirectory != null) {
            String dir = embeddedDirectory.toAbsolutePath().normalize().toString();
            return new DatabaseKey("embedded-" + Integer.toHexString(dir.hashCode()), 0, database);
        }
        return new DatabaseKey(host, port, database);
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
