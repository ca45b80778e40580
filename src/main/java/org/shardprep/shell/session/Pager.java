package org.shardprep.shell.session;

/** psql's \\pset pager: off, on (for output longer than the screen), always. */
public enum Pager { OFF, ON, ALWAYS }
