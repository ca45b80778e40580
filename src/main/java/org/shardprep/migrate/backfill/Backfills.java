package org.shardprep.migrate.backfill;

import org.shardprep.command.CommandContext;

import java.util.HashMap;
import java.util.Map;

/**
 * The session's backfills: the one running (one at a time), the last one that ended (for status), and
 * where each stopped or failed run left off, so that the next start of the same target goes on from there
 * (after a restart of the shell, the count at the start finds the first NULL row instead). The end of a run
 * is told above the prompt, unless a status watch or backfill stop is showing it.
 */
public class Backfills {

    /** Shown in the quit question and stopped at exit. */
    static final String BACKGROUND_NAME = "backfill";

    private final Map<String, KeyPosition> positions = new HashMap<>();
    private BackfillRunner current;
    private BackfillRunner last;
    private int watchers;
    private final java.util.Set<BackfillRunner> endShown = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /** A run's identity: server and database, table (by oid, so a reloaded table starts afresh) and column. */
    static String key(CommandContext session, BackfillTarget t) {
        return session.connection().settings().jdbcUrl() + "|" + t.tableOid() + "|" + t.columnName();
    }

    public synchronized BackfillRunner current() { return current; }

    /** The running one, else the one that ended last, else null. */
    public synchronized BackfillRunner latest() { return current != null ? current : last; }

    synchronized KeyPosition resumePosition(String key) { return positions.get(key); }

    synchronized void started(CommandContext session, String key, BackfillRunner runner) {
        current = runner;
        session.background().register(BACKGROUND_NAME + " of " + runner.target().label(), runner::stop);
        positions.remove(key);
    }

    /** From the runner's thread: remember where it left off, and tell the user unless a watch will. */
    synchronized void ended(CommandContext session, String key, BackfillRunner runner) {
        if (current == runner) current = null;
        last = runner;
        session.background().unregister(BACKGROUND_NAME + " of " + runner.target().label());
        BackfillRunner.Status s = runner.status();
        if (s.state() == BackfillRunner.State.DONE) positions.remove(key);
        else positions.put(key, s.position());
        if (watchers == 0 && endShown.add(runner)) {
            session.notice(s.endMessage());
        }
    }

    synchronized void watching(boolean on) { watchers += on ? 1 : -1; }

    /** The run's end message if nobody has shown it yet (a watch that saw the end shows it once). */
    synchronized String takeEndMessage(BackfillRunner runner) {
        if (runner.running() || !endShown.add(runner)) return null;
        return runner.status().endMessage();
    }
}
