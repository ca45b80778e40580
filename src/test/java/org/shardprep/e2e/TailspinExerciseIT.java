package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/tailspin-exercise.sql, the whole exercise as one script, run end to end by shardprep -f at scale
 * 0.01 on the tests' embedded server (no pg_cron: its cron.* statements go to the client scheduler, and the
 * backfill job runs at the top of a minute, so this takes up to a minute and a half).
 */
class TailspinExerciseIT {

    private static final Path SCRIPT = Path.of("scripts", "tailspin-exercise.sql").toAbsolutePath();

    @Test
    void theWholeExerciseRunsAndEndsReadyForCitus() throws Exception {
        String conninfo = TestServer.freshDatabase("e2e_tailspin");
        Path home = TestFiles.directory("home");
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-v", "scale=0.01", "-c", "\\timing on", "-f", SCRIPT.toString(), conninfo), null, Map.of("HOME", home.toString()));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Counts: stores 5, products 100, orders 19997, line_items 40030 (as expected)",
                "Entry 8 (SELECT create_orders(20000);", "is \"before\".", "is \"after\".", "took ",
                "Ready: 4 tables to distribute on store_id, colocated with stores");
        assertThat(r.err()).doesNotContain("ERROR", "Exception");
        // timing was on already (as in a presenter's shell): both calls still show the figure to note, and the
        // script leaves timing off, as it says
        assertThat(r.out()).containsPattern("(?s) create_orders \n-+\n.*?\n\\(1 row\\)\n\nTime: [0-9.]+ ms.*"
                + " create_orders \n-+\n.*?\n\\(1 row\\)\n\nTime: [0-9.]+ ms");
        assertThat(r.out().strip().lines().filter(l -> l.startsWith("Timing is")).toList())
                .containsExactly("Timing is on.", "Timing is on.", "Timing is off.", "Timing is on.", "Timing is off.");

        try (Connection c = TestServer.connect("e2e_tailspin"); Statement st = c.createStatement()) {
            assertThat(one(st, "SELECT count(*) FROM line_items WHERE store_id IS NULL")).isEqualTo("0");
            // the exercise's end state: its key names and definitions
            assertThat(all(st, "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid IN ('orders'::regclass, 'products'::regclass, 'line_items'::regclass) AND contype IN ('p', 'f') "
                    + "ORDER BY 1")).containsExactly(
                    "line_items_orders_fkey FOREIGN KEY (store_id, order_id) REFERENCES orders(store_id, order_id)",
                    "line_items_pkey PRIMARY KEY (store_id, line_item_id)",
                    "line_items_products_fkey FOREIGN KEY (store_id, product_id) REFERENCES products(store_id, product_id)",
                    "line_items_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores(store_id)",
                    "orders_pkey PRIMARY KEY (store_id, order_id)",
                    "orders_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores(store_id)",
                    "products_pkey PRIMARY KEY (store_id, product_id)",
                    "products_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores(store_id)");
            // every line item's store is its order's
            assertThat(one(st, "SELECT count(*) FROM line_items li JOIN orders o USING (order_id) WHERE li.store_id <> o.store_id")).isEqualTo("0");
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> all(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
