package org.shardprep.walkthrough;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.shardprep.TestServer;
import org.shardprep.dataset.TailspinSchema;
import org.shardprep.workload.CreateOrdersFunction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A database taken through the exercise's states with the exercise's own SQL (no shardprep command), so
 * that the checkpoints are tested against what the exercise leaves behind, independently of our commands.
 */
final class ExerciseStates {

    static final Path SAMPLE = Path.of("data", "sample-0.01");
    static final double SCALE = 0.01;

    private ExerciseStates() {}

    /** The exercise's tables with the scale-0.01 sample, loaded by its COPY and setval statements. */
    static void load(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute(TailspinSchema.DDL);
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            copy.copyIn("COPY stores FROM STDIN WITH CSV HEADER", files("stores"));
            copy.copyIn("COPY products FROM STDIN WITH CSV", files("products"));
            copy.copyIn("COPY orders FROM STDIN WITH CSV", files("orders"));
            copy.copyIn("COPY line_items FROM STDIN WITH CSV", files("line_items"));
            for (String t : TailspinSchema.TABLES) {
                String id = TailspinSchema.idColumn(t);
                s.execute("SELECT setval('" + t + "_" + id + "_seq', MAX(" + id + ")) FROM " + t);
            }
        }
    }

    static void installCreateOrders(Connection c, int version) throws SQLException {
        CreateOrdersFunction.install(c, version);
    }

    /** "Add distribution key and backfill missing values", the backfill done in one statement. */
    static void addAndFillStoreId(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE line_items ADD COLUMN store_id bigint");
            s.execute("UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE o.order_id = li.order_id");
        }
    }

    /** "Update table keys to include the distribution column", as written. */
    static void swapKeysAsExercise(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id, order_id)");
            s.execute("CREATE UNIQUE INDEX CONCURRENTLY products_tmp_idx ON products (store_id, product_id)");
            s.execute("CREATE UNIQUE INDEX CONCURRENTLY line_items_tmp_idx ON line_items (store_id, line_item_id)");
        }
        transaction(c, "ALTER TABLE orders DROP CONSTRAINT orders_pkey CASCADE, ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_tmp_idx",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, order_id)");
        transaction(c, "ALTER TABLE products DROP CONSTRAINT products_pkey CASCADE, ADD CONSTRAINT products_pkey PRIMARY KEY USING INDEX products_tmp_idx",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_products_fkey FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id)");
        transaction(c, "ALTER TABLE line_items DROP CONSTRAINT line_items_pkey, ADD CONSTRAINT line_items_pkey PRIMARY KEY USING INDEX line_items_tmp_idx",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores (store_id)");
    }

    private static void transaction(Connection c, String... statements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Connection fresh(String db) throws SQLException {
        TestServer.freshDatabase(db);
        return TestServer.connect(db);
    }

    /** The files {@code cat PREFIX*.csv} would concatenate, as one reader. */
    private static InputStreamReader files(String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> list = Files.list(SAMPLE)) {
            paths = list.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        }
        List<InputStream> streams = new ArrayList<>();
        for (Path p : paths) streams.add(Files.newInputStream(p));
        return new InputStreamReader(new SequenceInputStream(Collections.enumeration(streams)), StandardCharsets.UTF_8);
    }
}
