package org.shardprep.shell.repl.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving one-pass lexer for what is being typed: where the words, literals, comments and backslash
 * commands are. Unlike the statement scanner it never fails on unfinished input (an open quote or comment
 * runs to the end), which is what both completion and highlighting need. Linear in the length of the text.
 */
public final class SqlTokens {

    public enum Kind {
        WORD, QUOTED_IDENTIFIER, STRING, COMMENT, NUMBER, PARAMETER, VARIABLE, META_COMMAND, META_ARGUMENTS,
        PUNCTUATION, SPACE
    }

    /** One token: [start, end) of the text; {@code closed} is false for a quote or comment still open. */
    public record Token(Kind kind, int start, int end, boolean closed) {
        public String text(String source) { return source.substring(start, end); }
    }

    private final String s;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private SqlTokens(String text) {
        this.s = text;
    }

    public static List<Token> of(String text) {
        SqlTokens lexer = new SqlTokens(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int n = s.length();
        while (i < n) {
            int start = i;
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                add(Kind.SPACE, start, true);
            } else if (c == '-' && next(1) == '-') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                add(Kind.COMMENT, start, true);
            } else if (c == '/' && next(1) == '*') {
                blockComment(start);
            } else if (c == '\'') {
                i++;
                quoted('\'', false, Kind.STRING, start);
            } else if (c == '"') {
                i++;
                quoted('"', false, Kind.QUOTED_IDENTIFIER, start);
            } else if (c == '$' && dollarTag() != null) {
                dollarQuoted(start);
            } else if (c == '$' && Character.isDigit(next(1))) {
                i++;
                while (i < n && Character.isDigit(s.charAt(i))) i++;
                add(Kind.PARAMETER, start, true);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(next(1)))) {
                number(start);
            } else if (isIdentifierStart(c)) {
                word(start);
            } else if (c == '\\') {
                metaCommand(start);
            } else if (c == ':' && next(1) == ':') {
                i += 2;
                add(Kind.PUNCTUATION, start, true);
            } else if (c == ':' && (isIdentifierStart(next(1)) || next(1) == '\'' || next(1) == '"')) {
                variable(start);
            } else {
                i++;
                add(Kind.PUNCTUATION, start, true);
            }
        }
    }

    private char next(int k) {
        return i + k < s.length() ? s.charAt(i + k) : '\0';
    }

    private void add(Kind kind, int start, boolean closed) {
        tokens.add(new Token(kind, start, i, closed));
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
    }

    /** Nested, as PostgreSQL's. */
    private void blockComment(int start) {
        int depth = 0;
        int n = s.length();
        while (i < n) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    add(Kind.COMMENT, start, true);
                    return;
                }
            } else {
                i++;
            }
        }
        add(Kind.COMMENT, start, false);
    }

    /** After the opening quote: doubled quotes stay inside, and with {@code backslashes} so do \x escapes. */
    private void quoted(char quote, boolean backslashes, Kind kind, int start) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (backslashes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (next(1) == quote) {
                    i += 2;
                } else {
                    i++;
                    add(kind, start, true);
                    return;
                }
            } else {
                i++;
            }
        }
        i = n;
        add(kind, start, false);
    }

    /** The $tag$ starting at i, or null when '$' does not open a dollar quote here. */
    private String dollarTag() {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '$') return "$$";
        if (j >= s.length() || !(Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) return null;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
    }

    private void dollarQuoted(int start) {
        String tag = dollarTag();
        int close = s.indexOf(tag, i + tag.length());
        i = close < 0 ? s.length() : close + tag.length();
        add(Kind.STRING, start, close >= 0);
    }

    private void number(int start) {
        int n = s.length();
        if (s.charAt(i) == '0' && (next(1) == 'x' || next(1) == 'X' || next(1) == 'o' || next(1) == 'O'
                || next(1) == 'b' || next(1) == 'B') && Character.isLetterOrDigit(next(2))) {
            i += 2;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            add(Kind.NUMBER, start, true);
            return;
        }
        while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (i < n && s.charAt(i) == '.' && next(1) != '.') {
            i++;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) j++;
            if (j < n && Character.isDigit(s.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(s.charAt(i))) i++;
            }
        }
        add(Kind.NUMBER, start, true);
    }

    /** A word, or the prefix of a string: E'..', B'..', X'..', N'..', U&'..'. */
    private void word(int start) {
        int n = s.length();
        while (i < n && isIdentifierPart(s.charAt(i))) i++;
        String w = s.substring(start, i);
        if (i < n && s.charAt(i) == '\'' && w.length() == 1 && "eEbBxXnN".indexOf(w.charAt(0)) >= 0) {
            i++;
            quoted('\'', w.equalsIgnoreCase("e"), Kind.STRING, start);
        } else if (w.equalsIgnoreCase("u") && i + 1 < n && s.charAt(i) == '&' && (s.charAt(i + 1) == '\'' || s.charAt(i + 1) == '"')) {
            char q = s.charAt(i + 1);
            i += 2;
            quoted(q, false, q == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, start);
        } else {
            add(Kind.WORD, start, true);
        }
    }

    /** psql: a backslash command takes the rest of its line as arguments, up to another backslash. */
    private void metaCommand(int start) {
        int n = s.length();
        i++;
        if (i < n && !Character.isWhitespace(s.charAt(i))) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;                      // \? \! \\ \;
                if (s.charAt(i - 1) != '\\') while (i < n && s.charAt(i) == '+') i++;
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '\\') i++;
            }
        }
        add(Kind.META_COMMAND, start, true);
        if (s.startsWith("\\\\", start)) return;   // the \\ separator: SQL may follow
        int argsStart = i;
        boolean inQuote = false;
        while (i < n && s.charAt(i) != '\n' && (inQuote || s.charAt(i) != '\\')) {
            if (s.charAt(i) == '\'') inQuote = !inQuote;
            i++;
        }
        if (i > argsStart) tokens.add(new Token(Kind.META_ARGUMENTS, argsStart, i, !inQuote));
    }

    private void variable(int start) {
        i++;
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            i++;
            quoted(c, false, Kind.VARIABLE, start);
            return;
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        add(Kind.VARIABLE, start, true);
    }
}
