package org.shardprep.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a refreshing view has of psql's \watch: the title of each refresh (the time and the interval) and the wait
 * between two refreshes, in short slices so that Ctrl-C ends the watch at once, and only the watch. Used by \watch
 * and by the commands' --watch (backfill-status, distribute status).
 */
public final class Watch {

    /** strftime's %c in the C locale: "Tue Nov 24 03:30:00 2026". */
    private static final DateTimeFormatter C_LOCALE_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private Watch() {}

    /** psql's title of a refresh: "[TITLE\t]Tue Nov 24 03:30:00 2026 (every 2s)" and a newline. */
    public static String title(String userTitle, ZonedDateTime now, double seconds) {
        String time = C_LOCALE_TIME.format(now);
        String every = " (every " + formatSeconds(seconds) + "s)\n";
        return userTitle == null ? time + every : userTitle + "\t" + time + every;
    }

    /** "%g" of the interval: 2 -> "2", 0.5 -> "0.5". */
    public static String formatSeconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    /** Waits millis; false (the interrupt cleared) when Ctrl-C came meanwhile: the watch ends there. */
    public static boolean pause(CommandContext session, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (session.interrupted()) {
                session.clearInterrupt();
                return false;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                session.clearInterrupt();
                return false;
            }
        }
        if (!session.interrupted()) return true;
        session.clearInterrupt();
        return false;
    }
}
