package org.shardprep.migrate.backfill;

/**
 * What the user asked to backfill, by name: {@code table.column} filled from {@code from.column}, the two
 * tables joined on {@code on}; without {@code on}, along the foreign keys (to {@code from}, or without it to the
 * nearest table with the column). The defaults are the exercise's: line_items.store_id from orders on order_id.
 */
public record BackfillSpec(String table, String column, String from, String on) {

    public static final BackfillSpec EXERCISE = new BackfillSpec("line_items", "store_id", "orders", "order_id");

    /**
     * The spec with null parts taken from the exercise's: all of them without a table; with one, the column, and
     * orders as the table --on joins to. A table named without --on is filled along its foreign keys.
     */
    public static BackfillSpec orExercise(String table, String column, String from, String on) {
        String c = column != null ? column : EXERCISE.column;
        if (table == null) return new BackfillSpec(EXERCISE.table, c, from != null ? from : EXERCISE.from, on != null ? on : EXERCISE.on);
        return new BackfillSpec(table, c, from != null || on == null ? from : EXERCISE.from, on);
    }
}
