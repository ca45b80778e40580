package org.shardprep.walkthrough;

import java.util.List;

/**
 * One step of the lesson: what it is for (in a few sentences), the command lines that do it (typed input,
 * run as if typed at the prompt), and the checkpoint that shows in the database that it worked.
 *
 * @param trace what the step leaves behind, which is how a restarted walkthrough knows where to go on
 */
public record Step(String id, String title, String explanation, List<String> commands, Checkpoint checkpoint, Trace trace) {

    /** How the database remembers a step. */
    public enum Trace {
        /** The checkpoint passes once the step is done, and goes on passing. */
        LASTING,
        /**
         * The step starts work that runs beside the prompt and may not outlive the shell (the backfill; the
         * client scheduler's order job): when its checkpoint fails after a restart, the step is run again, and
         * carries on where the work stopped.
         */
        BACKGROUND,
        /** Nothing to see afterwards (a look, a timing): done when a later step is. */
        NONE
    }

    public Step {
        commands = List.copyOf(commands);
    }
}
