package org.shardprep.sql.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The leading words of a statement's text, read as psql reads them to decide what a statement is
 * ({@code skip_white_space}, {@code command_no_begin}, {@code is_select_command} in psql's common.c): white space,
 * {@code --} comments and slash-star comments (nested, as the server's lexer nests them) are skipped, a word is
 * a run of letters, and words compare without regard to case. The one place every statement sniffer reads from.
 */
public final class LeadingWords {

    private LeadingWords() {}

    /** Where the first token at or after {@code from} starts (psql's skip_white_space); the length at the end. */
    public static int skipWhiteSpace(String sql, int from) {
        int i = from, n = sql.length(), nest = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("/*", i)) {
                nest++;
                i += 2;
            } else if (nest > 0 && sql.startsWith("*/", i)) {
                nest--;
                i += 2;
            } else if (nest == 0 && sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);   // a /* inside a -- comment starts nothing
                i = nl < 0 ? n : nl + 1;
            } else if (nest > 0) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** The text from its first token on (the whole text is white space and comments: ""). */
    public static String rest(String sql) {
        return sql.substring(skipWhiteSpace(sql, 0));
    }

    /** The word (letters) starting exactly at {@code at}, lower-cased; "" when no letter is there. */
    public static String wordAt(String sql, int at) {
        int end = at;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) end++;
        return sql.substring(at, end).toLowerCase(Locale.ROOT);
    }

    /**
     * Up to {@code max} leading words, lower-cased, each found after white space and comments; the list stops
     * at the first token that is not a word ("drop index_x" gives [drop], as psql's letter-only words do).
     */
    public static List<String> words(String sql, int max) {
        List<String> words = new ArrayList<>(max);
        int i = 0;
        while (words.size() < max) {
            i = skipWhiteSpace(sql, i);
            String w = wordAt(sql, i);
            if (w.isEmpty()) break;
            words.add(w);
            i += w.length();
        }
        return words;
    }

    /** The first word, lower-cased; "" when the statement does not start with one. */
    public static String first(String sql) {
        return wordAt(sql, skipWhiteSpace(sql, 0));
    }

    /** Whether the statement starts with exactly these whole words, in any case ("vacuumdb" is not "vacuum"). */
    public static boolean startWith(String sql, String... expected) {
        List<String> w = words(sql, expected.length);
        if (w.size() < expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if (!w.get(i).equals(expected[i].toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }
}
