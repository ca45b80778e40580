package org.shardprep.prepare;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows that break a foreign key, counted and shown as VALIDATE CONSTRAINT judges them, on a real PostgreSQL. */
class KeyViolationsTest {

    @Test
    void countsAndShowsTheRowsValidateRefuses() throws SQLException {
        TestServer.freshDatabase("key_violations");
        try (Connection c = TestServer.connect("key_violations"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (store_id bigint, order_id bigint, PRIMARY KEY (store_id, order_id))");
            st.execute("CREATE TABLE line_items (store_id bigint, order_id bigint, n int)");
            st.execute("INSERT INTO orders SELECT 1 + i % 3, i FROM generate_series(1, 30) i");
            st.execute("INSERT INTO line_items SELECT o.store_id, o.order_id, 1 FROM orders o");
            // 7 rows pointing at no order, one with a NULL (not checked under MATCH SIMPLE), one of another store
            st.execute("INSERT INTO line_items VALUES (1, 1000, 1), (1, 1001, 1), (2, 1002, 1), (2, 1003, 1), (3, 1004, 1), "
                    + "(3, 1005, 1), (9, 3, 1), (NULL, 1006, 1)");
            st.execute("ALTER TABLE line_items ADD CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) "
                    + "REFERENCES orders NOT VALID");
            SchemaGraph.ForeignKey fk = SchemaGraph.read(c).table("line_items").orElseThrow().foreignKeys().get(0);

            KeyViolations.Found found = KeyViolations.find(c, fk);
            assertThat(found.rows()).isEqualTo(7);
            assertThat(found.first()).containsExactly("(1, 1000)", "(1, 1001)", "(2, 1002)", "(2, 1003)", "(3, 1004)");
            assertThat(KeyViolations.describe(fk, found)).isEqualTo("7 rows of line_items break line_items_orders_fkey: "
                    + "(store_id, order_id) = (1, 1000), (1, 1001), (2, 1002), (2, 1003), (3, 1004), ...");

            // the count is VALIDATE's: with those rows gone it validates
            st.execute("DELETE FROM line_items WHERE order_id >= 1000 AND store_id IS NOT NULL OR store_id = 9");
            assertThat(KeyViolations.find(c, fk)).isEqualTo(new KeyViolations.Found(0, List.of()));
            st.execute("ALTER TABLE line_items VALIDATE CONSTRAINT line_items_orders_fkey");
        }
    }

    @Test
    void underMatchFullAPartlyNullKeyBreaksIt() throws SQLException {
        TestServer.freshDatabase("key_violations_full");
        try (Connection c = TestServer.connect("key_violations_full"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (store_id bigint, order_id bigint, PRIMARY KEY (store_id, order_id))");
            st.execute("CREATE TABLE line_items (store_id bigint, order_id bigint)");
            st.execute("INSERT INTO orders VALUES (1, 1)");
            st.execute("INSERT INTO line_items VALUES (1, 1), (NULL, NULL), (NULL, 5)");
            st.execute("ALTER TABLE line_items ADD CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) "
                    + "REFERENCES orders MATCH FULL NOT VALID");
            SchemaGraph.ForeignKey fk = SchemaGraph.read(c).table("line_items").orElseThrow().foreignKeys().get(0);
            assertThat(KeyViolations.describe(fk, KeyViolations.find(c, fk)))
                    .isEqualTo("1 row of line_items breaks line_items_orders_fkey: (store_id, order_id) = (NULL, 5)");
        }
    }
}
