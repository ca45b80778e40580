package org.shardprep.command;

import java.util.Locale;

/** What the presenter answered at a {@code replay --step} prompt (or the walkthrough's). */
public enum StepAnswer {
    /** Enter alone: run the statement shown. */
    RUN,
    /** {@code s} (or {@code skip}): leave it out and go to the next one. */
    SKIP,
    /** {@code q} (or {@code quit}, {@code stop}): end the replay here. */
    STOP,
    /** Ctrl-C or Ctrl-D at the prompt: ends the replay too, and says so. */
    INTERRUPTED;

    /** The answer typed before Enter (case and surrounding blanks do not matter); null when it means nothing. */
    public static StepAnswer parse(String typed) {
        return switch (typed.strip().toLowerCase(Locale.ROOT)) {
            case "" -> RUN;
            case "s", "skip" -> SKIP;
            case "q", "quit", "stop" -> STOP;
            default -> null;
        };
    }
}
