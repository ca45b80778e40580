package org.shardprep.shell.record;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The comment lines a recording starts and ends with: which server it was made on (host, port, database, user,
 * embedded or not; never a password) and when. Comments, so the file runs unchanged with -f, \i and replay.
 */
final class RecordingHeader {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private RecordingHeader() {}

    /**
     * @param embeddedDirectory the embedded server's data directory, or null for a server of the user's
     */
    static List<String> lines(String host, int port, String database, String user, String embeddedDirectory,
                              ZonedDateTime at) {
        String server = "host=" + host + " port=" + port + " dbname=" + database + " user=" + user
                + (embeddedDirectory != null ? " (embedded PostgreSQL in " + embeddedDirectory + ")" : "");
        return List.of(
                RecordedText.MARK + "started " + TIME.format(at),
                RecordedText.MARK + "server " + server,
                RecordedText.MARK + "run it with shardprep -f FILE, \\i FILE or replay FILE");
    }

    static String footer(ZonedDateTime at, String why) {
        return RecordedText.MARK + why + " " + TIME.format(at);
    }
}
