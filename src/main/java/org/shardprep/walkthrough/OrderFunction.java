package org.shardprep.walkthrough;

import org.shardprep.command.CommandErrors;
import org.shardprep.workload.CreateOrdersFunction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checkpoints on create_orders, the application's stand-in. They do not read its source: they call
 * create_orders(1) in a transaction that is rolled back and look at the order it wrote, so any function that
 * behaves like the exercise's passes and nothing is left behind (but a sequence number or two).
 */
final class OrderFunction {

    private OrderFunction() {}

    /** What one trial call did: the error, or the new order's line items and how many carry its store_id. */
    private record Trial(String error, long lineItems, long withStoreId) {}

    /** create_orders exists and works on the tables as they are now. */
    static Checkpoint runs() {
        return db -> {
            Connection c = db.connection();
            Verdict missing = missing(c);
            if (missing != null) return missing;
            boolean storeId = CreateOrdersFunction.lineItemsHaveStoreId(c);
            Trial t = trial(c, storeId);
            if (t.error() != null) {
                return Verdict.failed("create_orders fails: " + t.error(),
                        "simulate-orders install puts in the version that fits line_items as it is");
            }
            return Verdict.ok("create_orders(1) wrote an order with " + t.lineItems() + " line item" + (t.lineItems() == 1 ? "" : "s")
                    + (storeId && t.withStoreId() == t.lineItems() ? ", store_id set" : ""));
        };
    }

    /** create_orders gives every line item its order's store_id. */
    static Checkpoint writesStoreId() {
        return db -> {
            Connection c = db.connection();
            Verdict missing = missing(c);
            if (missing != null) return missing;
            if (!CreateOrdersFunction.lineItemsHaveStoreId(c)) {
                return Verdict.failed("line_items has no store_id column yet", "backfill start adds it and fills it");
            }
            Trial t = trial(c, true);
            if (t.error() != null) {
                return Verdict.failed("create_orders fails: " + t.error(), "simulate-orders install --version 2 puts in the version that writes store_id");
            }
            if (t.withStoreId() < t.lineItems()) {
                return Verdict.failed("create_orders writes line items without their order's store_id ("
                        + (t.lineItems() - t.withStoreId()) + " of " + t.lineItems() + " in a trial order)",
                        "simulate-orders install --version 2 puts in the version that writes it");
            }
            return Verdict.ok("create_orders writes store_id on its line items");
        };
    }

    private static Verdict missing(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regprocedure('create_orders(integer)') IS NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) return null;
        }
        return Verdict.failed("create_orders(integer) does not exist",
                "simulate-orders install creates it (version 1 before line_items has store_id, version 2 after)");
    }

    /** One order by the function, looked at, then rolled back. */
    private static Trial trial(Connection c, boolean storeIdColumn) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '5s'");   // a checklist should not queue behind a long lock for ever
            s.execute("SAVEPOINT trial");
            try {
                s.execute("SELECT create_orders(1)");
            } catch (SQLException e) {
                s.execute("ROLLBACK TO SAVEPOINT trial");
                return new Trial(CommandErrors.oneLine(e), 0, 0);
            }
            String withStoreId = storeIdColumn ? "count(*) FILTER (WHERE li.store_id = o.store_id)" : "0";
            try (ResultSet rs = s.executeQuery("SELECT count(*), " + withStoreId + " FROM line_items li "
                    + "JOIN orders o ON o.order_id = li.order_id WHERE o.order_id = currval('orders_order_id_seq')")) {
                rs.next();
                return new Trial(null, rs.getLong(1), rs.getLong(2));
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

}
