package org.shardprep.migrate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.dataset.TailspinSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog as the key swap sees it, on the exercise's schema before and part-way through its changes. */
class TableKeysTest {

    private static final String DB = "table_keys";

    @BeforeAll
    static void schema() throws SQLException {
        TestServer.freshDatabase(DB);
        try (Connection c = TestServer.connect(DB); Statement st = c.createStatement()) {
            st.execute(TailspinSchema.DDL);
            st.execute("ALTER TABLE line_items ADD COLUMN store_id bigint");
            st.execute("CREATE UNIQUE INDEX orders_tmp_idx ON orders (store_id, order_id)");
        }
    }

    @Test
    void readsColumnsKeysAndIndexesOfTheExerciseSchema() throws SQLException {
        try (Connection c = TestServer.connect(DB)) {
            TableKeys orders = TableKeys.read(c, "orders").orElseThrow();
            assertThat(orders.name()).isEqualTo("orders");
            assertThat(orders.columns().keySet()).startsWith("order_id", "store_id");
            assertThat(orders.column("order_id").orElseThrow()).isEqualTo(new TableKeys.Column("order_id", "bigint", true));
            assertThat(orders.column("store_id").orElseThrow().notNull()).isFalse();
            assertThat(orders.primaryKey().orElseThrow()).isEqualTo(new TableKeys.Key("orders_pkey", List.of("order_id"), "orders_pkey"));
            assertThat(orders.foreignKeys()).extracting(TableKeys.ForeignKey::referencedTable).containsExactly("stores");
            assertThat(orders.referencedBy()).singleElement().satisfies(fk -> {
                assertThat(fk.table()).isEqualTo("line_items");
                assertThat(fk.columns()).containsExactly("order_id");
                assertThat(fk.referencedColumns()).containsExactly("order_id");
                assertThat(fk.valid()).isTrue();
            });
            assertThat(orders.index("orders_tmp_idx").orElseThrow())
                    .isEqualTo(new TableKeys.Index("orders_tmp_idx", List.of("store_id", "order_id"), true, true, false));

            TableKeys items = TableKeys.read(c, "public.line_items").orElseThrow();
            assertThat(items.foreignKeys()).extracting(TableKeys.ForeignKey::referencedTable).containsExactlyInAnyOrder("orders", "products");
            assertThat(items.referencedBy()).isEmpty();
            assertThat(items.column("store_id")).isPresent();
        }
    }

    @Test
    void listsTheUsersTablesOnTheSearchPath() throws SQLException {
        TestServer.freshDatabase("table_keys_path");
        try (Connection c = TestServer.connect("table_keys_path"); Statement st = c.createStatement()) {
            st.execute(TailspinSchema.DDL);
            st.execute("CREATE SCHEMA shardprep_load");   // load-all's staging schema
            st.execute("CREATE TABLE shardprep_load.stores (store_id bigint)");
            st.execute("CREATE EXTENSION hstore");
            st.execute("CREATE SCHEMA cron");             // as pg_cron's: a schema its extension owns
            st.execute("CREATE TABLE cron.job (jobid bigint)");
            st.execute("ALTER EXTENSION hstore ADD SCHEMA cron");
            st.execute("CREATE TABLE extension_table (id bigint)");
            st.execute("ALTER EXTENSION hstore ADD TABLE extension_table");
            st.execute("CREATE SCHEMA sales");
            st.execute("CREATE TABLE sales.visits (store_id bigint, at date) PARTITION BY RANGE (at)");
            st.execute("CREATE TABLE sales.visits_2026 PARTITION OF sales.visits FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
            st.execute("CREATE TABLE sales.\"Odd Name\" (id bigint)");
            st.execute("CREATE SCHEMA elsewhere");
            st.execute("CREATE TABLE elsewhere.hidden (id bigint)");
            st.execute("CREATE VIEW store_names AS SELECT name FROM stores");
            st.execute("SET search_path TO sales, public, cron, shardprep_load");
            assertThat(TableKeys.onSearchPath(c)).containsExactly("\"Odd Name\"", "visits", "line_items", "orders", "products", "stores");
        }
    }

    @Test
    void readsChecksNamesAndTheTablesThatHaveAColumn() throws SQLException {
        try (Connection c = TestServer.connect(DB); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS other");
            st.execute("CREATE TABLE IF NOT EXISTS other.\"Items\" (id bigint PRIMARY KEY, store_id bigint)");
            st.execute("ALTER TABLE products DROP CONSTRAINT IF EXISTS products_price_check");
            st.execute("ALTER TABLE products ADD CONSTRAINT products_price_check CHECK (price >= 0) NOT VALID");
            TableKeys products = TableKeys.read(c, "products").orElseThrow();
            assertThat(products.check("products_price_check")).contains(
                    new TableKeys.Check("products_price_check", "CHECK ((price >= (0)::numeric)) NOT VALID", false));
            assertThat(products.schema()).isEqualTo("public");
            TableKeys items = TableKeys.read(c, "other.\"Items\"").orElseThrow();
            assertThat(items.name()).isEqualTo("other.\"Items\"");
            assertThat(items.relName()).isEqualTo("Items");
            assertThat(items.schema()).isEqualTo("other");
            // on the search path only: other."Items" is not
            assertThat(TableKeys.tablesWithColumn(c, "store_id")).contains("orders", "products", "stores", "line_items")
                    .doesNotContain("other.\"Items\"");
        }
    }

    @Test
    void seesNotValidForeignKeysAndUnknownTables() throws SQLException {
        try (Connection c = TestServer.connect(DB); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE fk_probe (id bigint PRIMARY KEY, store_id bigint)");
            st.execute("ALTER TABLE fk_probe ADD CONSTRAINT fk_probe_store FOREIGN KEY (store_id) REFERENCES stores NOT VALID");
            TableKeys probe = TableKeys.read(c, "fk_probe").orElseThrow();
            assertThat(probe.foreignKeys()).singleElement().satisfies(fk -> assertThat(fk.valid()).isFalse());
            assertThat(TableKeys.read(c, "no_such_table")).isEmpty();
            // a name the shell took the quotes off is found as typed when SQL's folding finds nothing
            st.execute("CREATE TABLE \"MixedCase\" (id bigint PRIMARY KEY)");
            assertThat(TableKeys.read(c, "MixedCase").orElseThrow().name()).isEqualTo("\"MixedCase\"");
            assertThat(TableKeys.read(c, "not a valid..name")).isEmpty();
            assertThat(TableKeys.read(c, "orders_pkey")).as("an index is not a table").isEmpty();
        }
    }
}
