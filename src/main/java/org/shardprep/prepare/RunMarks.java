package org.shardprep.prepare;

/**
 * The comments prepare run leaves on what it has not finished, so that the next run (after Ctrl-C, a crash or a
 * lock timeout) reads from the catalog what is left: a column it added and is still filling, a foreign key it
 * re-created NOT VALID and has still to validate. Each comment goes in the transaction that finishes the work.
 */
final class RunMarks {

    private RunMarks() {}

    /** On a column added by prepare run, until it is filled and NOT NULL. */
    static final String FILLING = "shardprep prepare run: being filled";

    /** On a foreign key re-created NOT VALID by prepare run, until it is validated. */
    static final String TO_VALIDATE = "shardprep prepare run: to validate";
}
