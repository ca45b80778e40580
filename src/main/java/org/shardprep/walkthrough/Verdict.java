package org.shardprep.walkthrough;

/**
 * What a checkpoint found: whether the step's result is in the database, what the database shows (one line,
 * for the checklist), and when it is not there, what is wrong and how to put it right.
 */
public record Verdict(boolean passed, String shows, String fix) {

    public static Verdict ok(String shows) {
        return new Verdict(true, shows, null);
    }

    public static Verdict failed(String shows, String fix) {
        return new Verdict(false, shows, fix);
    }

    /** The explanation a failed checkpoint stops with: what is wrong, then how to fix it. */
    public String explanation() {
        return fix == null ? shows : shows + ": " + fix;
    }
}
