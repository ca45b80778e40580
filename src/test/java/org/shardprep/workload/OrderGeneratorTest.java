package org.shardprep.workload;

import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.dataset.TailspinSchema;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The client generator's orders, written to a real PostgreSQL with the committed sample's stores and products. */
class OrderGeneratorTest {

    private static final Path SAMPLE = Path.of("data", "sample-0.01");

    @Test
    void ordersFollowTheFunctionsRulesWithoutStoreId() throws Exception {
        try (Connection c = sampleDatabase("gen_without_store")) {
            assertThat(CreateOrdersFunction.lineItemsHaveStoreId(c)).isFalse();
            writeOrders(c, 1_234);
            checkInvariants(c, 1_234);
        }
    }

    @Test
    void lineItemsCarryTheOrdersStoreOnceTheColumnExists() throws Exception {
        try (Connection c = sampleDatabase("gen_with_store")) {
            exec(c, "ALTER TABLE line_items ADD COLUMN store_id bigint NOT NULL");
            assertThat(CreateOrdersFunction.lineItemsHaveStoreId(c)).isTrue();
            writeOrders(c, 700);
            checkInvariants(c, 700);
            assertThat(count(c, "line_items li JOIN orders o USING (order_id) WHERE li.store_id IS DISTINCT FROM o.store_id")).isZero();
        }
    }

    @Test
    void oneInsertPerRowWritesTheSameOrdersAsCopy() throws Exception {
        try (Connection c = sampleDatabase("gen_insert")) {
            exec(c, "ALTER TABLE line_items ADD COLUMN store_id bigint NOT NULL");
            // a statement-level trigger counts the statements: one per order, where COPY would be one per batch
            exec(c, "CREATE TABLE statements (n int)");
            exec(c, "CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$BEGIN INSERT INTO statements VALUES (1); RETURN NULL; END$$");
            exec(c, "CREATE TRIGGER one_per_statement AFTER INSERT ON orders FOR EACH STATEMENT EXECUTE FUNCTION count_statement()");
            writeOrders(c, OrderWrites.INSERT, 640);
            assertThat(count(c, "statements")).isEqualTo(640);
            checkInvariants(c, 640);
            assertThat(count(c, "line_items li JOIN orders o USING (order_id) WHERE li.store_id IS DISTINCT FROM o.store_id")).isZero();
        }
    }

    @Test
    void theGeneratorAloneSkewsEveryThirdOrderToStore5() throws Exception {
        try (Connection c = sampleDatabase("gen_skew")) {
            OrderGenerator g = new OrderGenerator(StoreProducts.load(c), new java.util.Random(7));
            List<GeneratedOrder> orders = g.next(300);
            for (int j = 1; j <= orders.size(); j++) {
                GeneratedOrder o = orders.get(j - 1);
                if (j % 3 == 0) assertThat(o.storeId()).isEqualTo(5);
                assertThat(o.items()).hasSizeBetween(1, 3);
                o.items().forEach(i -> assertThat(i.quantity()).isBetween(1, 4));
            }
            assertThat(orders.stream().filter((o) -> o.storeId() != 5).map(GeneratedOrder::storeId).distinct().count()).isGreaterThan(2);
        }
    }

    /** Through OrderPath as the steady load uses it, in batches of RUN_BATCH, one transaction each. */
    private static void writeOrders(Connection c, int n) throws SQLException {
        writeOrders(c, OrderWrites.COPY, n);
    }

    private static void writeOrders(Connection c, OrderWrites writes, int n) throws SQLException {
        OrderPath path = OrderPath.open(OrderMode.CLIENT, writes, c, 0);
        for (int done = 0; done < n; done += SimulateOrdersCommand.RUN_BATCH) {
            path.create(c, Math.min(SimulateOrdersCommand.RUN_BATCH, n - done));
        }
    }

    private static void checkInvariants(Connection c, int n) throws SQLException {
        assertThat(count(c, "orders")).isEqualTo(n);
        // order ids are handed out in generation order: the j-th order (from 1) has the j-th smallest id
        assertThat(count(c, "(SELECT store_id, row_number() OVER (ORDER BY order_id) AS j FROM orders) o "
                + "WHERE j % 3 = 0 AND store_id <> 5")).isZero();
        assertThat(count(c, "orders WHERE store_id = 5")).isGreaterThanOrEqualTo(n / 3);
        assertThat(count(c, "orders WHERE status = 'Pending' AND billing_address = '123 Main St.' "
                + "AND shipping_address IS NULL AND ordered_at = current_date")).isEqualTo(n);
        assertThat(count(c, "(SELECT o.order_id FROM orders o LEFT JOIN line_items li USING (order_id) "
                + "GROUP BY o.order_id HAVING count(li.line_item_id) NOT BETWEEN 1 AND 3) bad")).isZero();
        assertThat(count(c, "line_items li JOIN orders o USING (order_id) JOIN products p USING (product_id) "
                + "WHERE p.store_id <> o.store_id")).isZero();
        assertThat(count(c, "line_items li JOIN products p USING (product_id) "
                + "WHERE li.line_amount IS DISTINCT FROM p.price * li.quantity OR li.quantity NOT BETWEEN 1 AND 4")).isZero();
    }

    /** A fresh database with the exercise's tables and the sample's stores and products (no orders). */
    private static Connection sampleDatabase(String db) throws Exception {
        String conninfo = TestServer.freshDatabase(db);
        ConnectionSettings s = new ConnectionSettingsResolver(w -> {})
                .resolve(ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        Connection c = DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
        exec(c, TailspinSchema.DDL);
        CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("stores.csv"))) {
            copy.copyIn("COPY stores FROM STDIN WITH CSV HEADER", r);
        }
        try (Reader r = Files.newBufferedReader(SAMPLE.resolve("products.csv"))) {
            copy.copyIn("COPY products FROM STDIN WITH CSV", r);
        }
        return c;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String from) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
