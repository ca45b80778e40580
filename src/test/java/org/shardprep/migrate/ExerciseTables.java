package org.shardprep.migrate;

import org.shardprep.QueryRows;
import org.shardprep.TestServer;
import org.shardprep.dataset.TailspinSchema;
import org.shardprep.workload.CreateOrdersFunction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The exercise's four tables, as written, with a small made-up data set, and queries the backfill tests ask. */
public final class ExerciseTables {

    public static final int STORES = 10;

    private ExerciseTables() {}

    /** A fresh database: 10 stores, 5 products each, {@code orders} orders, two line items each; create_orders v1. */
    public static void create(String db, int orders) throws SQLException {
        TestServer.freshDatabase(db);
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            s.execute(TailspinSchema.DDL);
            s.execute("INSERT INTO stores (store_id, name, category) SELECT i, 'store ' || i, 'toys' FROM generate_series(1, " + STORES + ") i");
            s.execute("INSERT INTO products (product_id, store_id, name, description, price) "
                    + "SELECT i, 1 + (i - 1) % " + STORES + ", 'product ' || i, 'a toy', 2.50 FROM generate_series(1, " + STORES * 5 + ") i");
            s.execute("INSERT INTO orders (order_id, store_id, status, ordered_at) "
                    + "SELECT i, 1 + i % " + STORES + ", 'Shipped', now() FROM generate_series(1, " + orders + ") i");
            s.execute("INSERT INTO line_items (line_item_id, product_id, order_id, quantity, line_amount) "
                    + "SELECT 2 * o.order_id - k, o.store_id + " + STORES + " * k, o.order_id, 1, 2.50 FROM orders o, generate_series(0, 1) k");
            for (String t : TailspinSchema.TABLES) {
                s.execute("SELECT setval('" + TailspinSchema.sequence(t) + "', (SELECT max(" + TailspinSchema.idColumn(t) + ") FROM " + t + "))");
            }
            s.execute("ANALYZE");
            CreateOrdersFunction.install(c, 1);
        }
    }

    public static long count(String db, String fromWhere) throws SQLException {
        return QueryRows.count(db, fromWhere);
    }

    /** Line items whose store_id is not their order's (NULL included). */
    public static long wrongOrMissing(String db) throws SQLException {
        return count(db, "line_items li LEFT JOIN orders o USING (order_id) WHERE li.store_id IS DISTINCT FROM o.store_id");
    }

    public static boolean hasColumn(String db, String table, String column) throws SQLException {
        return count(db, "pg_attribute WHERE attrelid = to_regclass('" + table + "') AND attname = '" + column
                + "' AND NOT attisdropped") == 1;
    }
}
