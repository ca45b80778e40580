package org.shardprep.sql.render;

/** psql's default footer. */
final class Footer {
    private Footer() {
    }

    static String rows(long n) {
        return n == 1 ? "(1 row)" : "(" + n + " rows)";
    }
}
