package org.shardprep.command;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Every statement and shardprep command the session ran, with its time: the exercise's "note the time,
 * compare at the end", kept for you. Entries are numbered from 1; a label names the latest entry.
 */
public final class TimingLog {

    /** One timed thing. */
    public static final class Entry {
        final int id;
        final String text;
        final double millis;
        final boolean succeeded;
        final Instant at;
        String label;

        Entry(int id, String text, double millis, boolean succeeded, Instant at) {
            this.id = id;
            this.text = text;
            this.millis = millis;
            this.succeeded = succeeded;
            this.at = at;
        }

        public int id() { return id; }
        public String text() { return text; }
        public double millis() { return millis; }
        public boolean succeeded() { return succeeded; }
        public Instant at() { return at; }
        public String label() { return label; }
    }

    private static final int KEPT = 1000;

    private final Deque<Entry> entries = new ArrayDeque<>();
    private int nextId = 1;

    public synchronized void record(String text, double millis, boolean succeeded) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        entries.addLast(new Entry(nextId++, oneLine, millis, succeeded, Instant.now()));
        if (entries.size() > KEPT) entries.removeFirst();
    }

    /** Names the latest entry (a label used before moves to it, as a bookmark would). */
    public synchronized Entry label(String name) {
        if (entries.isEmpty()) throw new CommandError("nothing has been timed yet");
        for (Entry e : entries) if (name.equals(e.label)) e.label = null;
        Entry last = entries.getLast();
        last.label = name;
        return last;
    }

    public synchronized List<Entry> last(int n) {
        List<Entry> all = new ArrayList<>(entries);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** An entry by label, or by number (as `timing history` shows them). */
    public synchronized Optional<Entry> find(String labelOrId) {
        for (Entry e : entries) if (labelOrId.equals(e.label)) return Optional.of(e);
        try {
            int id = Integer.parseInt(labelOrId);
            for (Entry e : entries) if (e.id == id) return Optional.of(e);
        } catch (NumberFormatException ignored) {
            // not a number: only labels could match
        }
        return Optional.empty();
    }
}
