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
        List<Map.Entry<String, Task>> all;
        synchronized (this) {
            all = new ArrayList<>(tasks.entrySet());
            tasks.clear();
        }
        for (int i = all.size() - 1; i >= 0; i--) all.get(i).getValue().stop();
    }
}
