package org.shardprep.shell.input;

/** psql's backslashResult, reduced to what the main loop acts on. */
public enum MetaCommandResult {
    OK, ERROR, QUIT,
    /** The session cannot go on (a script's \c failed): stop with psql's status 2. */
    FATAL
}
