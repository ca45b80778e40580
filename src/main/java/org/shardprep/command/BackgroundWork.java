package org.shardprep.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs beside the prompt (an order load, the scheduler, a backfill), so that leaving the shell can
 * ask about it (interactive) or stop it cleanly (scripts): each piece of work knows how to finish its
 * current batch and stop.
 */
public final class BackgroundWork {

    /** A running piece of work; stop() returns once it has stopped (no half-written batch). */
    public interface Task {
        void stop();

        /** The user answered "stop and quit": stop so that the next shell does not start it again either. */
        default void quit() { stop(); }
    }

    private final Map<String, Task> tasks = new LinkedHashMap<>();

    public synchronized void register(String name, Task task) {
        tasks.put(name, task);
    }

    public synchronized void unregister(String name) {
        tasks.remove(name);
    }

    public synchronized List<String> running() {
        return new ArrayList<>(tasks.keySet());
    }

    /** Stops everything, newest first (a load started after the scheduler stops before it). */
    public void stopAll() {
        for (Task t : takeNewestFirst()) t.stop();
    }

    /** What "stop and quit? y" does: as stopAll, and saved jobs are paused rather than left to run next time. */
    public void stopAndQuit() {
        for (Task t : takeNewestFirst()) t.quit();
    }

    private synchronized List<Task> takeNewestFirst() {
        List<Task> all = new ArrayList<>(tasks.values());
        tasks.clear();
        java.util.Collections.reverse(all);
        return all;
    }
}
