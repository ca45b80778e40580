package org.shardprep.shell;

/** psql's backslashResult, reduced to what the main loop acts on. */
public enum MetaCommandResult { OK, ERROR, QUIT }
