package org.shardprep.shell.copy;

/**
 * psql's strtokx (stringutils.c) over a {@code \copy} line: each call says which characters are whitespace,
 * which are one-character tokens and which open quoted tokens. As in psql, the one character that ends a
 * token is used up when it is whitespace, so the rest of the line (the COPY options) starts right after it.
 */
final class SlashCopyTokenizer {

    private final String text;
    private int pos;
    private boolean exhausted;   // strtokx forgets its string once it has returned NULL

    SlashCopyTokenizer(String text) {
        this.text = text;
    }

    /**
     * The next token, or null at the end of the text.
     *
     * @param whitespace characters that separate tokens
     * @param delim      characters that are tokens by themselves (null: none)
     * @param quote      characters that open quoted tokens, kept with their quotes (null: none)
     * @param escape     the escape character inside quotes (0: none)
     * @param eStrings   whether {@code E'...'} is a quoted token with backslash escapes
     */
    String next(String whitespace, String delim, String quote, char escape, boolean eStrings) {
        if (exhausted) return null;
        while (pos < text.length() && whitespace.indexOf(text.charAt(pos)) >= 0) pos++;
        if (pos >= text.length()) {
            exhausted = true;
            return null;
        }
        int start = pos;
        char c = text.charAt(start);
        if (delim != null && delim.indexOf(c) >= 0) {
            return finish(start, start + 1, whitespace);
        }
        int p = start;
        if (eStrings && (c == 'E' || c == 'e') && p + 1 < text.length() && text.charAt(p + 1) == '\'') {
            quote = "'";
            escape = '\\';
            p++;
        }
        if (quote != null && quote.indexOf(text.charAt(p)) >= 0) {
            char thisQuote = text.charAt(p++);
            while (p < text.length()) {
                char ch = text.charAt(p);
                if (escape != 0 && ch == escape && p + 1 < text.length()) {
                    p += 2;
                } else if (ch == thisQuote && p + 1 < text.length() && text.charAt(p + 1) == thisQuote) {
                    p += 2;
                } else if (ch == thisQuote) {
                    p++;
                    break;
                } else {
                    p++;
                }
            }
            return finish(start, p, whitespace);
        }
        int end = start;
        while (end < text.length()) {
            char ch = text.charAt(end);
            if (whitespace.indexOf(ch) >= 0 || (delim != null && delim.indexOf(ch) >= 0)
                    || (quote != null && quote.indexOf(ch) >= 0)) break;
            end++;
        }
        return finish(start, end, whitespace);
    }

    /** The rest of the text as it is (strtokx with no whitespace), or null when nothing is left. */
    String rest() {
        if (exhausted || pos >= text.length()) {
            exhausted = true;
            return null;
        }
        String rest = text.substring(pos);
        pos = text.length();
        return rest;
    }

    private String finish(int start, int end, String whitespace) {
        pos = end;
        if (pos < text.length() && whitespace.indexOf(text.charAt(pos)) >= 0) pos++;
        return text.substring(start, end);
    }

    /** psql's strip_quotes: drop the enclosing quotes, undouble doubled ones, apply the escape character. */
    static String stripQuotes(String source, char quote, char escape) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        if (!source.isEmpty() && source.charAt(0) == quote) i++;
        while (i < source.length()) {
            char c = source.charAt(i);
            boolean last = i + 1 == source.length();
            if (c == quote && last) break;
            if (c == quote && source.charAt(i + 1) == quote) i++;
            else if (escape != 0 && c == escape && !last) i++;
            out.append(source.charAt(i++));
        }
        return out.toString();
    }
}
