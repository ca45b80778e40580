package org.shardprep.walkthrough;

import org.shardprep.workload.CreateOrdersFunction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checkpoints of the backfill of line_items.store_id: started (the column is there and is being filled, or is
 * full), and finished (no NULL left, and no backfill job of the exercise's kind still scheduled).
 */
final class StoreIdBackfill {

    /** The exercise's pg_cron job that runs backfill_batch. */
    static final String EXERCISE_JOB = "backfill";

    /**
     * shardprep's backfill holds a session-level advisory lock for as long as it runs (one backfill of a table at
     * a time, across shells): "SPBF" in the key's high half, the table's oid in the low half. pg_locks shows it
     * with classid = the high half, objid = the low half and objsubid = 1 (a bigint key).
     */
    private static final long LOCK_NAMESPACE = 0x53504246L;

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
            if (running(db)) return Verdict.ok("a backfill is running: " + nulls + " rows of line_items have store_id NULL");
            return Verdict.failed("line_items has " + nulls + " rows with store_id NULL and no backfill is running (a backfill ends with the shell that started it)",
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
                return Verdict.failed("line_items has " + nulls + " rows with store_id NULL", "the backfill has not finished; "
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
        return LoadedTables.count(c, "line_items WHERE store_id IS NULL");
    }

    /** shardprep's backfill on line_items (its lock), or the exercise's backfill job. */
    static boolean running(LessonDatabase db) throws SQLException {
        if (db.jobs().exists(EXERCISE_JOB)) return true;
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks "
                + "WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = ? "
                + "AND objid::bigint = to_regclass('line_items')::oid::bigint "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            ps.setLong(1, LOCK_NAMESPACE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
