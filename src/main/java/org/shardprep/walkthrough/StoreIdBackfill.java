package org.shardprep.walkthrough;

import org.shardprep.migrate.backfill.BackfillLock;
import org.shardprep.workload.CreateOrdersFunction;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checkpoints of the backfill of line_items.store_id: started (the column is there and is being filled, or is
 * full), and finished (no NULL left and none to come, and no backfill job of the exercise's kind still scheduled).
 */
final class StoreIdBackfill {

    /** The exercise's pg_cron job that runs backfill_batch. */
    static final String EXERCISE_JOB = "backfill";

    private StoreIdBackfill() {}

    /** The column exists, and it is full or something is filling it. */
    static Checkpoint started() {
        return db -> {
            Connection c = db.connection();
            if (!CreateOrdersFunction.lineItemsHaveStoreId(c)) {
                return Verdict.failed("line_items has no store_id column", "backfill start adds it and fills it");
            }
            long nulls = nulls(c);
            if (nulls == 0) return Verdict.ok("store_id is set on every line item");
            if (running(db)) return Verdict.ok("a backfill is running: " + LoadedTables.nullsText(nulls) + " rows of line_items have store_id NULL");
            return Verdict.failed("line_items has " + LoadedTables.nullsText(nulls) + " rows with store_id NULL and no backfill is running (a backfill ends with the shell that started it)",
                    "backfill start carries on with the rows left");
        };
    }

    /**
     * No NULL left, and none to come: create_orders writes store_id (else the application's next rows would be
     * NULL again), and the exercise's backfill job (if one was used) is unscheduled.
     */
    static Checkpoint finished() {
        return db -> {
            Connection c = db.connection();
            if (!CreateOrdersFunction.lineItemsHaveStoreId(c)) {
                return Verdict.failed("line_items has no store_id column", "backfill start adds it and fills it");
            }
            long nulls = nulls(c);
            if (nulls > 0) {
                return Verdict.failed("line_items has " + LoadedTables.nullsText(nulls) + " rows with store_id NULL", "the backfill has not finished; "
                        + (running(db) ? "backfill-status --watch follows it to the end" : "run backfill-status --watch, or backfill start"));
            }
            Verdict writes = OrderFunction.writesStoreId().check(db);
            if (!writes.passed()) {
                return Verdict.failed("no line item has store_id NULL now, but new ones will: " + writes.shows(), writes.fix());
            }
            if (db.jobs().exists(EXERCISE_JOB)) {
                return Verdict.failed("every row has its store_id, but the job " + EXERCISE_JOB + " is still scheduled",
                        "SELECT cron.unschedule('" + EXERCISE_JOB + "'); stops it");
            }
            return Verdict.ok("no line item has store_id NULL");
        };
    }

    static long nulls(Connection c) throws SQLException {
        return LoadedTables.nulls(c, "line_items");
    }

    /** shardprep's backfill on line_items (in any shell: it holds a lock), or the exercise's backfill job. */
    static boolean running(LessonDatabase db) throws SQLException {
        return db.jobs().exists(EXERCISE_JOB) || BackfillLock.held(db.connection(), "line_items");
    }
}
