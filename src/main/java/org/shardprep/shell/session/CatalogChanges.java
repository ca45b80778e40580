package org.shardprep.shell.session;

import org.shardprep.sql.scan.LeadingWords;

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
        return FIRST_WORDS.contains(LeadingWords.first(sql).toUpperCase(Locale.ROOT));
    }
}
