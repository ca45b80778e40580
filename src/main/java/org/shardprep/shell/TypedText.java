package org.shardprep.shell;

/**
 * The input as typed, cut where the scanner finds the end of a statement or command: a multi-line statement is
 * one piece with its line breaks, and two statements on a line are two pieces. What the scanner sends differs
 * (variables interpolated, leading comments dropped); recording and replay want what the user typed.
 */
final class TypedText {

    private final StringBuilder earlier = new StringBuilder();   // lines before the current one, not yet cut
    private String line = "";
    private int cut;                                              // how much of line has been handed out

    /** A new physical line arrives. */
    void startLine(String text) {
        line = text;
        cut = 0;
    }

    /** The text since the previous cut up to {@code end} in the current line: one statement or command. */
    String cutAt(int end) {
        int to = Math.max(cut, Math.min(end, line.length()));
        String text = earlier + line.substring(cut, to);
        earlier.setLength(0);
        cut = to;
        return text.strip();
    }

    /**
     * End of the current line. With nothing pending in the query buffer, what is left (comments) is returned and
     * forgotten (null if blank); otherwise the rest of the line waits for the statement it belongs to.
     */
    String endLine(boolean bufferEmpty) {
        String rest = line.substring(cut);
        line = "";
        cut = 0;
        if (!bufferEmpty) {
            earlier.append(rest).append('\n');
            return null;
        }
        String text = (earlier + rest).strip();
        earlier.setLength(0);
        return text.isEmpty() ? null : text;
    }

    /** Forget everything not yet cut (the query buffer was reset or handed back to the editor). */
    void clear() {
        earlier.setLength(0);
        line = "";
        cut = 0;
    }
}
