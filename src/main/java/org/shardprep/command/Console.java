package org.shardprep.command;

/**
 * The one place that knows whether a person watches and how to talk to them: progress lines redrawn in place
 * at a live terminal (and at most five times a second), colour where the terminal shows it and NO_COLOR is
 * unset, and questions that a script answers with --yes instead.
 */
public interface Console {

    /** A terminal a person watches (not a file, a pipe or a script's run). */
    boolean live();

    /** Styles are shown: a live terminal that is not a dumb one, and NO_COLOR unset. */
    boolean colour();

    /**
     * Progress lines: at a live terminal redrawn in place (throttled); elsewhere nothing, so a log gets the
     * command's summary, not hundreds of bars.
     */
    ProgressLine progress();

    /**
     * Asks a yes/no question before a command changes something. {@code yes} (the command's --yes) answers it;
     * with no person to ask the command is refused with a line saying to add --yes. Returns the answer.
     */
    boolean confirm(String question, boolean yes, String refusal);

    /** The step question of replay --step and the walkthrough: Enter runs, s skips, q stops. */
    StepAnswer askStep();

    /** One or more lines (the text's line breaks) redrawn in place. */
    interface ProgressLine {
        /** The line now; shown if the throttle allows (or always with {@code force}). */
        void update(String text, boolean force);

        default void update(String text) { update(text, false); }

        /** Leaves the lines: at a live terminal the last state stays on screen ({@code keepLast}) or is cleared. */
        void done(boolean keepLast);
    }
}
