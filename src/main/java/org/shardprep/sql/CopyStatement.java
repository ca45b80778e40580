package org.shardprep.sql;

import org.shardprep.sql.scan.LeadingWords;

import java.util.Locale;

/**
 * Recognises a COPY whose data travels through the client ({@code COPY ... FROM STDIN},
 * {@code COPY ... TO STDOUT}). psql learns this from the server's CopyInResponse; pgjdbc needs to be told
 * up front (CopyManager), so we read it from the text: the first FROM or TO outside parentheses, quotes and
 * comments decides. A server-side {@code COPY t FROM '/file'} is an ordinary statement.
 */
public final class CopyStatement {

    /** Which way the data goes. */
    public enum Direction { FROM_STDIN, TO_STDOUT }

    private final String sql;
    private int pos;

    private CopyStatement(String sql) {
        this.sql = sql;
    }

    /** The direction of a client-side COPY, or null for any other statement. */
    public static Direction clientSide(String sql) {
        return new CopyStatement(sql).scan();
    }

    private Direction scan() {
        if (!"COPY".equals(nextWord())) return null;
        int depth = 0;
        while (true) {
            skipSpaceAndComments();
            if (pos >= sql.length()) return null;
            char c = sql.charAt(pos);
            if (c == '(') {
                depth++;
                pos++;
            } else if (c == ')') {
                depth--;
                pos++;
            } else if (c == '\'' || c == '"') {
                skipQuoted(c, false);
            } else if ((c == 'E' || c == 'e') && pos + 1 < sql.length() && sql.charAt(pos + 1) == '\'') {
                pos++;
                skipQuoted('\'', true);
            } else if (c == '$' && skipDollarQuoted()) {
                // skipped
            } else if (isWordChar(c)) {
                String word = nextWord();
                if (depth == 0 && (word.equals("FROM") || word.equals("TO"))) {
                    String target = nextWord();
                    if (word.equals("FROM") && target.equals("STDIN")) return Direction.FROM_STDIN;
                    if (word.equals("TO") && target.equals("STDOUT")) return Direction.TO_STDOUT;
                    return null;
                }
            } else {
                pos++;
            }
        }
    }

    /** The next word, upper-cased, after whitespace and comments; "" when something else comes first. */
    private String nextWord() {
        skipSpaceAndComments();
        int start = pos;
        while (pos < sql.length() && isWordChar(sql.charAt(pos))) pos++;
        return sql.substring(start, pos).toUpperCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }

    private void skipSpaceAndComments() {
        pos = LeadingWords.skipWhiteSpace(sql, pos);
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (backslashEscapes && c == '\\') {
                pos++;
            } else if (c == quote) {
                if (pos < sql.length() && sql.charAt(pos) == quote) pos++;
                else return;
            }
        }
    }

    private boolean skipDollarQuoted() {
        int end = pos + 1;
        while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) end++;
        if (end >= sql.length() || sql.charAt(end) != '$') return false;
        String tag = sql.substring(pos, end + 1);
        int close = sql.indexOf(tag, end + 1);
        pos = close < 0 ? sql.length() : close + tag.length();
        return true;
    }
}
