package org.shardprep.shell.meta;

import org.shardprep.shell.input.ScriptLocation;

import java.io.BufferedReader;
import java.io.IOException;

/** What \\i and \\ir need of the main loop that runs them: a nested script, run as the loop runs input. */
public interface ScriptIncluder {

    /** Runs the script; false when it failed or stopped (its \\q, ON_ERROR_STOP or a lost connection stop this input too). */
    boolean include(BufferedReader reader, ScriptLocation location) throws IOException;

    /** Whether a replay watches this input: \\i then looks beside the script first, as \\ir does. */
    boolean observed();
}
