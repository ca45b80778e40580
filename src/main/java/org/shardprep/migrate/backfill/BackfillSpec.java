package org.shardprep.migrate.backfill;

/**
 * What the user asked to backfill, by name: {@code table.column} filled from {@code from.column}, the two
 * tables joined on {@code on}. The defaults are the exercise's: line_items.store_id from orders on order_id.
 */
public record BackfillSpec(String table, String column, String from, String on) {

    public static final BackfillSpec EXERCISE = new BackfillSpec("line_items", "store_id", "orders", "order_id");

    /** The spec with null parts taken from the exercise's. */
    public static BackfillSpec orExercise(String table, String column, String from, String on) {
        return new BackfillSpec(table != null ? table : EXERCISE.table, column != null ? column : EXERCISE.column,
                from != null ? from : EXERCISE.from, on != null ? on : EXERCISE.on);
    }
}
