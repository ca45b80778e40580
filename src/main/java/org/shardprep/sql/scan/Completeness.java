package org.shardprep.sql.scan;

/**
 * Answer of {@link StatementScanner#completeness(String, boolean, MetaCommandSyntax)}: whether a multi-line editor buffer should be
 * accepted now, and if not, what is open (for the continuation prompt).
 */
public record Completeness(boolean complete, OpenState openState) {
}
