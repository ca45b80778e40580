package org.shardprep.shell.meta;

import org.shardprep.shell.session.Session;

import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.render.PrintOptions;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * psql 15's \watch [SECONDS]: run a query again and again, each result titled with the time and the
 * interval, until Ctrl-C or a failing run.
 */
final class WatchCommand {

    /** strftime's %c in the C locale: "Tue Nov 24 03:30:00 2026". */
    private static final DateTimeFormatter C_LOCALE_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final Session session;

    WatchCommand(Session session) {
        this.session = session;
    }

    /** psql: strtod() of the argument, and anything not positive means one second; default two. */
    static double interval(String arg) {
        if (arg == null) return 2;
        double seconds;
        try {
            seconds = Double.parseDouble(arg.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        return seconds > 0 ? seconds : 1;
    }

    /** "%g" of the interval: 2 -> "2", 0.5 -> "0.5". */
    static String formatSeconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    static String title(String userTitle, ZonedDateTime now, double seconds) {
        String time = C_LOCALE_TIME.format(now);
        String every = " (every " + formatSeconds(seconds) + "s)\n";
        return userTitle == null ? time + every : userTitle + "\t" + time + every;
    }

    boolean run(String sql, double seconds) {
        PrintOptions options = session.printOptions();
        String userTitle = options.getTitle();
        session.setWatching(true);
        try {
            while (true) {
                options.setTitle(title(userTitle, ZonedDateTime.now(), seconds));
                QueryOutcome outcome = session.execute(sql);
                options.setTitle(userTitle);
                if (!outcome.success()) {
                    if (session.interrupted()) session.clearInterrupt();   // cancelled mid-run: the watch ends there
                    return false;
                }
                if (!sleep(seconds)) {
                    session.clearInterrupt();   // Ctrl-C ends the watch, not the session or the script (psql)
                    return true;
                }
            }
        } finally {
            options.setTitle(userTitle);
            session.setWatching(false);
        }
    }

    /** Sleeps in short slices so Ctrl-C is seen at once; false when interrupted. */
    private boolean sleep(double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (session.interrupted()) return false;
            try {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !session.interrupted();
    }
}
