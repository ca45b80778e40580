package org.shardprep.sql.scan;

/** Receives what {@link StatementScanner#feedLine} finds, in input order. */
public interface ScanListener {
    /**
     * A statement ended by an unquoted {@code ;} at paren depth and BEGIN depth 0, or under SINGLELINE by the end
     * of a line with nothing open.
     *
     * @param sql       the text as psql sends it, including the terminating {@code ;} (none at a line end)
     * @param firstLine 1-based number (over all fed lines) of the line where the statement began
     */
    void onStatement(String sql, int firstLine);

    /**
     * A backslash command. The query buffer holds the text before it; the listener may call
     * {@link StatementScanner#takeBuffer()} (e.g. for {@code \g}) or {@link StatementScanner#resetBuffer()}
     * (for {@code \r}) or {@link StatementScanner#stopLine()} (for {@code \q}) from here.
     */
    void onMetaCommand(MetaCommand command);
}
