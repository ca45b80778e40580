package org.shardprep.prepare;

import org.junit.jupiter.api.Test;
import org.shardprep.QueryRows;
import org.shardprep.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Foreign keys taken off and put back, on a real PostgreSQL. */
class KeysOffTest {

    /**
     * An application writes an order, then its line items, in one transaction. A key put back while such a
     * transaction is between the two must wait for it holding nothing on line_items: holding line_items while it
     * waited for orders, it would make the writer's next insert wait for it, a deadlock (on Citus, settled by
     * cancelling the writer).
     */
    @Test
    void aKeyPutBackWaitsForAWriterOfTheReferencedTableHoldingNothingOnItsOwn() throws Exception {
        TestServer.freshDatabase("keys_off_order");
        SchemaGraph.ForeignKey fk;
        try (Connection c = TestServer.connect("keys_off_order"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (order_id bigint PRIMARY KEY)");
            st.execute("CREATE TABLE line_items (order_id bigint CONSTRAINT line_items_orders_fkey REFERENCES orders, n int)");
            fk = SchemaGraph.read(c).table("line_items").orElseThrow().foreignKeys().get(0);
            c.setAutoCommit(false);
            KeysOff.takeOff(c, List.of(fk));
            c.commit();
        }
        try (Connection writer = TestServer.connect("keys_off_order"); Connection keys = TestServer.connect("keys_off_order");
             Connection look = TestServer.connect("keys_off_order"); Statement w = writer.createStatement()) {
            writer.setAutoCommit(false);
            w.execute("INSERT INTO orders VALUES (1)");
            int pid = pid(keys);
            keys.setAutoCommit(false);
            CompletableFuture<Boolean> putBack = CompletableFuture.supplyAsync(() -> {
                try {
                    boolean toValidate = KeysOff.putBack(keys, fk, false);
                    keys.commit();
                    return toValidate;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (rows(look, "SELECT 1 FROM pg_locks WHERE pid = " + pid + " AND NOT granted").isEmpty() && !putBack.isDone()) {
                Thread.sleep(10);
            }
            assertThat(rows(look, "SELECT mode FROM pg_locks WHERE pid = " + pid + " AND NOT granted AND relation = 'orders'::regclass"))
                    .as("it waits for the writer's order").containsExactly("ShareRowExclusiveLock");
            assertThat(rows(look, "SELECT mode FROM pg_locks WHERE pid = " + pid + " AND relation = 'line_items'::regclass"))
                    .as("holding nothing on line_items meanwhile").isEmpty();
            w.execute("INSERT INTO line_items VALUES (1, 1)");   // does not wait
            writer.commit();
            assertThat(putBack.get()).as("NOT VALID, to validate").isTrue();
        }
    }

    private static int pid(Connection c) throws SQLException {
        return Integer.parseInt(rows(c, "SELECT pg_backend_pid()").get(0));
    }

    /** One column's values ({@link QueryRows} ends each row with '|'). */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        return QueryRows.of(c, sql).stream().map(r -> r.substring(0, r.length() - 1)).toList();
    }
}
