package org.shardprep.sql.render;

import java.util.List;

/** psql's default footer. */
final class Footer {
    private Footer() {
    }

    static String rows(long n) {
        return n == 1 ? "(1 row)" : "(" + n + " rows)";
    }

    /** psql's footers_with_default(): the custom footer lines, else "(N rows)" when the footer is on. */
    static List<String> withDefault(PrintOptions opt, long n) {
        if (opt.getFooters() != null) return opt.getFooters();
        return opt.isFooter() ? List.of(rows(n)) : List.of();
    }
}
