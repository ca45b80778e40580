package org.shardprep.shell;

import java.util.Locale;
import java.util.Set;

/**
 * Which statements may change what the catalog holds or shows (so cached names, e.g. for completion, are
 * stale): DDL by its first word, and the ROLLBACK or search_path change that can undo or hide it.
 */
public final class CatalogChanges {
    private CatalogChanges() {}

    private static final Set<String> FIRST_WORDS = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "IMPORT",
            "ROLLBACK", "ABORT", "SET", "RESET");

    public static boolean mayChange(String sql) {
        return FIRST_WORDS.contains(firstWord(sql).toUpperCase(Locale.ROOT));
    }

    /** The first word after white space and comments (-- and nested block comments). */
    static String firstWord(String sql) {
        int i = 0, n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int depth = 0;
                do {
                    if (sql.startsWith("/*", i)) { depth++; i += 2; }
                    else if (sql.startsWith("*/", i)) { depth--; i += 2; }
                    else i++;
                } while (i < n && depth > 0);
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) i++;
        return sql.substring(start, i);
    }
}
