package org.shardprep.command;

/** What the presenter answered at a {@code replay --step} prompt (or the walkthrough's), one key each. */
public enum StepAnswer {
    /** Enter: run the statement shown. */
    RUN,
    /** {@code s}: leave it out and go to the next one. */
    SKIP,
    /** {@code q}: end the replay here. */
    STOP,
    /** Ctrl-C or Ctrl-D at the prompt (or the terminal gone): ends the replay too, and says so. */
    INTERRUPTED;

    /** The answer a key gives (either case); null for a key that means nothing here. */
    public static StepAnswer ofKey(int key) {
        return switch (key) {
            case '\r', '\n' -> RUN;
            case 's', 'S' -> SKIP;
            case 'q', 'Q' -> STOP;
            case 3, 4, -1 -> INTERRUPTED;   // Ctrl-C, Ctrl-D, end of input
            default -> null;
        };
    }
}
