package org.shardprep.shell.input;

/** psql's backslashResult, reduced to what the main loop acts on. */
public enum MetaCommandResult {
    OK, ERROR, QUIT,
    /** The session cannot go on (a script's \c failed): stop with psql's status 2. */
    FATAL,
    /**
     * An editor replaced the query buffer (\e, \ef, \ev): the rest of the line is dropped and the edited text is
     * scanned as new input (psql's PSQL_CMD_NEWEDIT).
     */
    NEW_EDIT
}
