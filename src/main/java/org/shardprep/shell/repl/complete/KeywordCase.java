package org.shardprep.shell.repl.complete;

import java.util.Locale;

/**
 * psql's COMP_KEYWORD_CASE: the case TAB gives a SQL keyword it completes (tab-complete.c's
 * pg_strdup_keyword_case). The preserve- forms follow the first letter typed; with nothing typed, or no letter
 * first, preserve-lower gives lower case and preserve-upper upper case.
 */
public enum KeywordCase {
    LOWER, UPPER, PRESERVE_LOWER, PRESERVE_UPPER;

    /** The variable's value (psql's hook took only the four words, in any case); psql's default otherwise. */
    public static KeywordCase of(String value) {
        return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "lower" -> LOWER;
            case "upper" -> UPPER;
            case "preserve-lower" -> PRESERVE_LOWER;
            default -> PRESERVE_UPPER;
        };
    }

    /** {@code keyword} as completed after {@code typed}. */
    String apply(String keyword, String typed) {
        char first = typed.isEmpty() ? 0 : typed.charAt(0);
        // C's islower and isalpha on the first byte: ASCII letters only
        boolean lowerFirst = first >= 'a' && first <= 'z';
        boolean letterFirst = lowerFirst || first >= 'A' && first <= 'Z';
        boolean lower = this == LOWER
                || (this == PRESERVE_LOWER || this == PRESERVE_UPPER) && lowerFirst
                || this == PRESERVE_LOWER && !letterFirst;
        return lower ? keyword.toLowerCase(Locale.ROOT) : keyword.toUpperCase(Locale.ROOT);
    }
}
