package org.shardprep.sql.scan;

/**
 * Input ended inside a quoted string, quoted identifier, dollar quote or block comment.
 * (psql itself would send the text anyway and let the server report the same error.)
 */
public final class UnterminatedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int line;
    private final transient String pendingText;

    public UnterminatedInputException(String reason, int line, String pendingText) {
        super(reason + " (starting at line " + line + ")");
        this.reason = reason;
        this.line = line;
        this.pendingText = pendingText;
    }

    /** The server's wording without the line, e.g. {@code unterminated quoted string}. */
    public String reason() {
        return reason;
    }

    /** 1-based line where the unterminated construct began. */
    public int line() {
        return line;
    }

    /** The query buffer that was pending at end of input (what psql would have sent). */
    public String pendingText() {
        return pendingText;
    }
}
