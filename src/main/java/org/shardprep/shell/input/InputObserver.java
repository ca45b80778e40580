package org.shardprep.shell.input;

/**
 * Someone who watches a run of input entry by entry and may hold it up (replay: shows each entry as if typed,
 * waits for the presenter, skips or stops). The main loop asks before each entry runs.
 */
public interface InputObserver {

    /** What to do with the entry about to run. */
    enum Verdict { RUN, SKIP, STOP }

    /** Called before an entry runs. */
    Verdict beforeRun(InputEntry entry);

    /** Comment lines (or a blank-free remainder of a line) between entries, as typed. */
    void comment(String text);

    /**
     * Ctrl-C came while an entry ran (its statement has been cancelled). True stops this input, as psql stops a
     * script; false goes on with the next entry (the observer then clears the interrupt).
     */
    boolean stopOnInterrupt();
}
