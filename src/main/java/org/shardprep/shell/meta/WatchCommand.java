package org.shardprep.shell.meta;

import org.shardprep.command.Watch;
import org.shardprep.shell.session.Session;

import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.render.PrintOptions;

import java.time.ZonedDateTime;

/**
 * psql 15's \watch [SECONDS]: run a query again and again, each result titled with the time and the
 * interval, until Ctrl-C or a failing run.
 */
final class WatchCommand {

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

    boolean run(String sql, double seconds) {
        PrintOptions options = session.printOptions();
        String userTitle = options.getTitle();
        session.setWatching(true);
        try {
            while (true) {
                options.setTitle(Watch.title(userTitle, ZonedDateTime.now(), seconds));
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
