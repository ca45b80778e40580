package org.shardprep.sql.render;

/**
 * Formats server errors and notices as psql 15 shows them (libpq's pqBuildErrorMessage3 and
 * reportErrorPosition).
 */
public final class MessageFormatter {

    /** psql's VERBOSITY variable. */
    public enum Verbosity { TERSE, DEFAULT, VERBOSE, SQLSTATE }

    /** psql's SHOW_CONTEXT variable: when the CONTEXT field is shown. */
    public enum ShowContext { NEVER, ERRORS, ALWAYS }

    /** libpq: screen width limit of the LINE display, and how far to keep the cursor from its end. */
    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    private MessageFormatter() {
    }

    /** {@link #format(ServerMessage, String, Verbosity, ShowContext)} with psql's default SHOW_CONTEXT=errors. */
    public static String format(ServerMessage m, String query, Verbosity v) {
        return format(m, query, v, ShowContext.ERRORS);
    }

    /**
     * psql's text for an error or notice, lines joined with "\n", without a trailing newline.
     *
     * @param query the query text the server executed (for the LINE/caret display); null if unknown,
     *              in which case the position is shown as " at character N" like libpq does
     */
    public static String format(ServerMessage m, String query, Verbosity v, ShowContext showContext) {
        StringBuilder msg = new StringBuilder();
        if (m.severity() != null) {
            msg.append(m.severity()).append(":  ");
        }
        if (v == Verbosity.SQLSTATE) {
            if (m.sqlState() != null) {
                msg.append(m.sqlState());
                return msg.toString();
            }
            v = Verbosity.TERSE;
        }
        if (v == Verbosity.VERBOSE && m.sqlState() != null) {
            msg.append(m.sqlState()).append(": ");
        }
        if (m.message() != null) {
            msg.append(m.message());
        }
        String queryText = null;
        int queryPos = 0;
        if (m.position() > 0) {
            if (v != Verbosity.TERSE && query != null) {
                queryText = query;
                queryPos = m.position();
            } else {
                msg.append(" at character ").append(m.position());
            }
        } else if (m.internalPosition() > 0) {
            if (v != Verbosity.TERSE && m.internalQuery() != null) {
                queryText = m.internalQuery();
                queryPos = m.internalPosition();
            } else {
                msg.append(" at character ").append(m.internalPosition());
            }
        }
        msg.append('\n');
        if (v != Verbosity.TERSE) {
            if (queryText != null && queryPos > 0) {
                reportErrorPosition(msg, queryText, queryPos);
            }
            line(msg, "DETAIL:  ", m.detail());
            line(msg, "HINT:  ", m.hint());
            line(msg, "QUERY:  ", m.internalQuery());
            if (showContext == ShowContext.ALWAYS || (showContext == ShowContext.ERRORS && m.isError())) {
                line(msg, "CONTEXT:  ", m.where());
            }
        }
        if (v == Verbosity.VERBOSE) {
            line(msg, "SCHEMA NAME:  ", m.schema());
            line(msg, "TABLE NAME:  ", m.table());
            line(msg, "COLUMN NAME:  ", m.column());
            line(msg, "DATATYPE NAME:  ", m.datatype());
            line(msg, "CONSTRAINT NAME:  ", m.constraint());
            String lineNo = m.line() > 0 ? Integer.toString(m.line()) : null;
            if (m.routine() != null || m.file() != null || lineNo != null) {
                msg.append("LOCATION:  ");
                if (m.routine() != null) {
                    msg.append(m.routine()).append(", ");
                }
                if (m.file() != null && lineNo != null) {
                    msg.append(m.file()).append(':').append(lineNo);
                }
                msg.append('\n');
            }
        }
        // libpq ends the message with a newline; callers print it as a line
        if (msg.length() > 0 && msg.charAt(msg.length() - 1) == '\n') {
            msg.setLength(msg.length() - 1);
        }
        return msg.toString();
    }

    private static void line(StringBuilder msg, String label, String value) {
        if (value != null) {
            msg.append(label).append(value).append('\n');
        }
    }

    /** Screen width of a code point for the cursor display: control and zero-width characters count 1. */
    private static int cursorWidth(int cp) {
        int w = DisplayText.charWidth(cp);
        return w <= 0 ? 1 : w;
    }

    /**
     * libpq's reportErrorPosition(): "LINE n: " with the line holding the error (cut to a window of
     * about 60 screen columns, with "..." where cut) and a line with a caret under the position.
     */
    static void reportErrorPosition(StringBuilder msg, String query, int position) {
        int loc = position - 1;
        if (loc < 0) {
            return;
        }
        int[] q = query.codePoints().toArray();
        int n = q.length;
        int[] scr = new int[n + 1];
        int scroffset = 0;
        int locLine = 1;
        int ibeg = 0;
        int iend = -1;
        int cno;
        for (cno = 0; cno < n && q[cno] != 0; cno++) {
            int ch = q[cno];
            scr[cno] = scroffset;
            if (ch == '\t') {
                q[cno] = ' ';
            } else if (ch == '\r' || ch == '\n') {
                if (cno < loc) {
                    if (ch == '\r' || cno == 0 || q[cno - 1] != '\r') {
                        locLine++;
                    }
                    ibeg = cno + 1;
                } else {
                    iend = cno;
                    break;
                }
            }
            scroffset += cursorWidth(q[cno]);
        }
        if (iend < 0) {
            iend = cno;
            scr[iend] = scroffset;
        }
        if (loc > cno) {
            return;
        }
        boolean begTrunc = false;
        boolean endTrunc = false;
        if (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
            if (scr[ibeg] + DISPLAY_SIZE >= scr[loc] + MIN_RIGHT_CUT) {
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    iend--;
                }
                endTrunc = true;
            } else {
                while (scr[loc] + MIN_RIGHT_CUT < scr[iend]) {
                    iend--;
                    endTrunc = true;
                }
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    ibeg++;
                    begTrunc = true;
                }
            }
        }
        String prefix = "LINE " + locLine + ": " + (begTrunc ? "..." : "");
        int caret = prefix.length() + scr[loc] - scr[ibeg];
        msg.append(prefix).append(new String(q, ibeg, iend - ibeg));
        if (endTrunc) {
            msg.append("...");
        }
        msg.append('\n');
        AlignedPrinter.spaces(msg, caret);
        msg.append("^\n");
    }
}
