package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.shardprep.ExerciseSql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * distribute run for real, on the Citus coordinator named by SHARDPREP_CITUS_URL (a conninfo or URI of a
 * coordinator with its workers, wal_level=logical; skipped without it). The exercise's path up to its key swap,
 * as written, then distribute run through the jar; Citus's own catalog (citus_tables, pg_dist_partition) must
 * then hold the tables as check-distribution planned them. Each test drops what it made before it starts.
 */
@EnabledIfEnvironmentVariable(named = "SHARDPREP_CITUS_URL", matches = ".+", disabledReason = "no Citus: set SHARDPREP_CITUS_URL")
class DistributeCitusIT {

    private static final String CITUS = System.getenv("SHARDPREP_CITUS_URL");

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    @Test
    void distributesTheExerciseColocatedWithStores() throws IOException, SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS line_items, orders, products, stores CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("DROP FUNCTION IF EXISTS backfill_batch(integer)");
        }
        Path dir = unzippedSample();
        Path script = dir.resolve("exercise.sql");
        Files.writeString(script, ExerciseSql.createTables() + ExerciseSql.copyData() + ExerciseSql.addStoreId()
                + ExerciseSql.backfillFunction() + "SELECT backfill_batch(1000000);\n" + ExerciseSql.keySwap());
        JarRun.Result exercise = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-v", "ON_ERROR_STOP=1", "-f", script.toString(), conninfo()), null, Map.of(), dir);
        assertThat(exercise.exitCode()).as(exercise.err()).isZero();

        JarRun.Result check = shardprep("check-distribution");
        assertThat(check.out()).contains("Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables.");

        JarRun.Result run = shardprep("distribute run --truncate-local-data");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "Foreign keys off while the tables are distributed (5): ",
                "[1/4] SELECT create_distributed_table('stores', 'store_id');",
                "[2/4] SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
                "[3/4] SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
                "[4/4] SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');",
                "      validate line_items_orders_fkey of line_items",
                "Freed the local copies of 4 of 4 tables.",
                "4 tables distributed on store_id (colocated with stores), 0 reference tables.");
        assertThat(run.out()).doesNotContain("Each copy held the writes");   // the sample's copies are short

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT pg_relation_size('line_items')")).containsExactly("0");   // the local copy Citus kept, freed
            assertThat(rows(c, "SELECT count(*) || '|' || bool_and(convalidated) FROM pg_constraint WHERE contype = 'f' "
                    + "AND conrelid IN ('stores'::regclass, 'orders'::regclass, 'products'::regclass, 'line_items'::regclass)"))
                    .containsExactly("5|true");
            assertThat(rows(c, "SELECT table_name::text, citus_table_type, distribution_column FROM citus_tables "
                    + "WHERE table_name::text IN ('stores', 'orders', 'products', 'line_items') ORDER BY 1")).containsExactly(
                    "line_items|distributed|store_id", "orders|distributed|store_id",
                    "products|distributed|store_id", "stores|distributed|store_id");
            assertThat(rows(c, "SELECT count(DISTINCT colocationid) || '|' || string_agg(DISTINCT partmethod::text, ',') FROM pg_dist_partition "
                    + "WHERE logicalrelid IN ('stores'::regclass, 'orders'::regclass, 'products'::regclass, 'line_items'::regclass)"))
                    .containsExactly("1|h");
            assertThat(rows(c, "SELECT (SELECT count(*) FROM stores) || '|' || (SELECT count(*) FROM products) || '|' "
                    + "|| (SELECT count(*) FROM orders) || '|' || (SELECT count(*) FROM line_items)")).containsExactly("6|24|60|114");
        }

        JarRun.Result again = shardprep("check-distribution");
        assertThat(again.out()).contains("distributed on store_id (colocation anchor), done",
                "Ready, and done: 4 tables distributed on store_id, colocated with stores; no reference tables.").doesNotContain("Statements");
        JarRun.Result rerun = shardprep("distribute run");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).isEqualTo("Nothing to do: 4 tables distributed on store_id, colocated with stores; no reference tables.\n");
    }

    @Test
    void distributesConcurrentlyWhereCitusAllowsIt() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS shop CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("CREATE SCHEMA shop");
            st.execute("SET search_path TO shop");
            st.execute("CREATE TABLE themes (theme_id bigint PRIMARY KEY, name text)");
            st.execute("CREATE TABLE shops (store_id bigint PRIMARY KEY, theme_id bigint REFERENCES themes)");
            st.execute("CREATE TABLE visits (store_id bigint REFERENCES shops, visit_id bigint, PRIMARY KEY (store_id, visit_id))");
            st.execute("CREATE TABLE reviews (store_id bigint, review_id bigint, theme_id bigint REFERENCES themes, "
                    + "stars int, PRIMARY KEY (store_id, review_id))");
            st.execute("INSERT INTO themes SELECT i, 'theme ' || i FROM generate_series(1, 3) i");
            st.execute("INSERT INTO shops SELECT i, 1 + i % 3 FROM generate_series(1, 10) i");
            st.execute("INSERT INTO visits SELECT 1 + i % 10, i FROM generate_series(1, 200) i");
            st.execute("INSERT INTO reviews SELECT 1 + i % 10, i, 1 + i % 3, 1 + i % 5 FROM generate_series(1, 200) i");
        }
        JarRun.Result run = JarRun.shardprep(null, "-c", "SET search_path TO shop", "-c", "distribute run --concurrently", conninfo());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // with the keys between them off, every table can take the concurrent form; the keys come back after. A server
        // whose output_plugin_libraries does not name citus takes none (said, then the blocking form)
        boolean plugins;
        try (Connection c = connect()) {
            plugins = rows(c, "SELECT setting FROM pg_settings WHERE name = 'output_plugin_libraries'").stream().allMatch(v -> v.contains("citus"));
        }
        if (!plugins) {
            assertThat(run.out()).contains("No concurrent distribution here: output_plugin_libraries", "[2/4] SELECT create_distributed_table('shops', 'store_id');");
            return;
        }
        assertThat(run.out()).contains(
                "Foreign keys off while the tables are distributed (3): shops.shops_theme_id_fkey, reviews.reviews_theme_id_fkey, "
                        + "visits.visits_store_id_fkey.",
                "[1/4] SELECT create_reference_table('themes');",
                "[2/4] SELECT create_distributed_table_concurrently('shops', 'store_id');",
                "[3/4] SELECT create_distributed_table_concurrently('reviews', 'store_id', colocate_with => 'shops');",
                "[4/4] SELECT create_distributed_table_concurrently('visits', 'store_id', colocate_with => 'shops');",
                "      validate visits_store_id_fkey of visits");
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT table_name::text, citus_table_type, distribution_column FROM citus_tables "
                    + "WHERE table_name::text LIKE 'shop.%' ORDER BY 1")).containsExactly(
                    "shop.reviews|distributed|store_id", "shop.shops|distributed|store_id",
                    "shop.themes|reference|<none>", "shop.visits|distributed|store_id");
            assertThat(rows(c, "SELECT count(DISTINCT colocationid) FROM pg_dist_partition "
                    + "WHERE logicalrelid IN ('shop.shops'::regclass, 'shop.reviews'::regclass, 'shop.visits'::regclass)")).containsExactly("1");
            assertThat(rows(c, "SELECT count(*) FROM shop.reviews")).containsExactly("200");
        }
    }

    /**
     * A blocking run whose copy takes a second or more ends saying how long that copy held the table's writes, and
     * that --online would not; a run of short copies does not say it (the exercise's sample, above).
     */
    @Test
    void aBlockingRunSaysHowLongItsLongestCopyHeldTheWrites() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS depot CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("CREATE SCHEMA depot");
            st.execute("CREATE TABLE depot.parcels (store_id bigint NOT NULL, parcel_id bigint, label text, PRIMARY KEY (store_id, parcel_id))");
            st.execute("INSERT INTO depot.parcels SELECT 1 + i % 50, i, repeat('x', 40) FROM generate_series(1, 1500000) i");
            st.execute("ANALYZE depot.parcels");
        }
        JarRun.Result run = JarRun.shardprep(null, "-c", "SET search_path TO depot", "-c", "distribute run --truncate-local-data", conninfo());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // the line follows the copy's own time as the run printed it (a faster machine may copy it in under a second)
        Matcher copy = Pattern.compile(
                "\\[1/1\\] SELECT create_distributed_table\\('parcels', 'store_id'\\);\n      done in (\\d+\\.\\d\\d) s\n").matcher(run.out());
        assertThat(copy.find()).as(run.out()).isTrue();
        double seconds = Double.parseDouble(copy.group(1));
        if (seconds >= 1.01) {
            assertThat(run.out()).containsPattern("Each copy held the writes to its table; the longest took \\d+\\.\\d s \\(parcels\\)\\. "
                    + "distribute run --online copies the large tables while the writes go on\\.");
        } else if (seconds < 0.99) {
            assertThat(run.out()).doesNotContain("Each copy held the writes");
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(rows(c, "SELECT count(*) FROM depot.parcels")).containsExactly("1500000");
            st.execute("DROP SCHEMA depot CASCADE");
        }
    }

    /**
     * Rows written while the keys are off that break a key stop the run when it is validated: the rows named (how
     * many, the first ones), the key left NOT VALID, never dropped; once they are fixed, distribute run validates it.
     */
    @Test
    void rowsWrittenWhileAKeyWasOffThatBreakItStopTheRunWithTheKeyNotValid() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS kv CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("CREATE SCHEMA kv");
            st.execute("SET search_path TO kv");
            st.execute("CREATE TABLE shops (store_id bigint PRIMARY KEY)");
            st.execute("CREATE TABLE orders (store_id bigint REFERENCES shops, order_id bigint, PRIMARY KEY (store_id, order_id))");
            st.execute("CREATE TABLE line_items (store_id bigint NOT NULL REFERENCES shops, order_id bigint, n int, "
                    + "PRIMARY KEY (store_id, order_id, n), CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) REFERENCES orders)");
            st.execute("INSERT INTO shops SELECT generate_series(1, 3)");
            st.execute("INSERT INTO orders SELECT 1 + i % 3, i FROM generate_series(1, 3000) i");
            st.execute("INSERT INTO line_items SELECT store_id, order_id, 1 FROM orders");
        }
        // line items of orders that do not exist: refused while the key is on, taken while distribute run has it off
        SingleRowWriter orphans = new SingleRowWriter("INSERT INTO kv.line_items VALUES (?, ?, 1)");
        orphans.start();
        JarRun.Result run;
        try {
            run = JarRun.shardprep(null, "-c", "SET search_path TO kv", "-c", "distribute run", conninfo());
        } finally {
            orphans.stop();
        }
        assertThat(orphans.written()).as("orphans written while the key was off").isPositive();
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("      " + orphans.written() + " rows? of line_items breaks? line_items_orders_fkey: "
                + "\\(store_id, order_id\\) = \\([123], 1\\d{6}\\)");
        assertThat(run.err()).contains("violates foreign key constraint \"line_items_orders_fkey",
                "foreign key line_items_orders_fkey of line_items is back NOT VALID but rows break it (above): fix them and run "
                        + "distribute run again, which validates it; the key is not dropped");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(rows(c, "SELECT convalidated::text FROM pg_constraint WHERE conname = 'line_items_orders_fkey' "
                    + "AND conrelid = 'kv.line_items'::regclass")).containsExactly("false");
            st.execute("DELETE FROM kv.line_items WHERE order_id >= 1000000");
        }
        JarRun.Result again = JarRun.shardprep(null, "-c", "SET search_path TO kv", "-c", "distribute run", conninfo());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("      validate line_items_orders_fkey of line_items");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(rows(c, "SELECT count(*) || '|' || bool_and(convalidated) FROM pg_constraint WHERE contype = 'f' "
                    + "AND connamespace = 'kv'::regnamespace")).containsExactly("3|true");
            st.execute("DROP SCHEMA kv CASCADE");
        }
    }

    /**
     * Putting a key back locks the shards of both tables on the workers too. A transaction holding one of those shards
     * on a worker kept the key's ALTER waiting there, with the coordinator's lock on the table held meanwhile and every
     * write to it queued behind (a second, in bench-distribute). lock_timeout now holds on the workers as well: the run
     * gives up after 200 ms and tries again. Seen from the worker, while its lock is held one wait for it ends and
     * another begins.
     */
    @Test
    void aKeyPutBackGivesUpOnAWorkersLockAfterLockTimeoutAndTriesAgain() throws Exception {
        String shard;
        String node;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS kw CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("CREATE SCHEMA kw");
            st.execute("SET search_path TO kw");
            st.execute("CREATE TABLE shops (store_id bigint PRIMARY KEY)");
            st.execute("CREATE TABLE orders (store_id bigint CONSTRAINT orders_shop_fkey REFERENCES shops, order_id bigint, "
                    + "PRIMARY KEY (store_id, order_id))");
            st.execute("INSERT INTO shops SELECT generate_series(1, 3)");
            st.execute("INSERT INTO orders SELECT 1 + i % 3, i FROM generate_series(1, 300) i");
            // distributed with the key off, as a run stopped after its calls leaves them
            c.setAutoCommit(false);
            org.shardprep.prepare.KeysOff.takeOff(c, org.shardprep.prepare.SchemaGraph.read(c).foreignKeys().stream()
                    .filter(k -> k.name().equals("orders_shop_fkey")).toList());
            c.commit();
            c.setAutoCommit(true);
            st.execute("SELECT create_distributed_table('shops', 'store_id')");
            st.execute("SELECT create_distributed_table('orders', 'store_id', colocate_with => 'shops')");
            String[] placement = rows(c, "SELECT s.shardid || '|' || n.nodename || '|' || n.nodeport FROM pg_dist_shard s "
                    + "JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n ON n.groupid = p.groupid "
                    + "WHERE s.logicalrelid = 'shops'::regclass ORDER BY s.shardid LIMIT 1").get(0).split("\\|");
            shard = "kw.shops_" + placement[0];
            node = CITUS.replaceAll("(host|port)=\\S+", "") + " host=" + placement[1] + " port=" + placement[2];
        }
        List<String> waits = new ArrayList<>();
        java.util.concurrent.CompletableFuture<JarRun.Result> run;
        try (Connection holder = connectTo(node); Connection watcher = connectTo(node); Statement hold = holder.createStatement()) {
            holder.setAutoCommit(false);
            hold.execute("SET LOCAL citus.enable_manual_changes_to_shards = on");
            hold.execute("LOCK TABLE " + shard + " IN ROW EXCLUSIVE MODE");   // an insert's lock, held
            run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> JarRun.shardprep(null, "-c", "SET search_path TO kw", "-c", "distribute run", conninfo()));
            long until = System.nanoTime() + 60_000_000_000L;   // without a lock_timeout there, one wait lasts until we let go
            while (waits.size() < 2 && !run.isDone() && System.nanoTime() < until) {
                for (String w : rows(watcher, "SELECT waitstart FROM pg_locks WHERE relation = '" + shard + "'::regclass AND NOT granted")) {
                    if (!waits.contains(w)) waits.add(w);
                }
                Thread.sleep(20);
            }
            holder.rollback();
        }
        JarRun.Result result = run.get();
        assertThat(waits).as("the run's waits for the worker's lock while it was held").hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("      foreign key orders_shop_fkey of orders back, NOT VALID",
                "      lock not granted within 200 ms (attempt 1), trying again in 0.05 s", "      validate orders_shop_fkey of orders");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            assertThat(rows(c, "SELECT convalidated::text FROM pg_constraint WHERE conname = 'orders_shop_fkey'")).containsExactly("true");
            assertThat(rows(c, "SELECT count(*) FROM kw.orders")).containsExactly("300");
            st.execute("DROP SCHEMA kw CASCADE");
        }
    }

    /**
     * --online: the large table concurrently, the small ones with the short blocking copy; refused, with nothing
     * changed, while a large table has no replica identity (its UPDATEs would fail during the copy).
     */
    @Test
    void onlineCopiesLargeTablesConcurrentlyAndRefusesWhatWouldFailWrites() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS mall CASCADE");
            st.execute("DROP SCHEMA IF EXISTS shardprep CASCADE");
            st.execute("CREATE SCHEMA mall");
            st.execute("SET search_path TO mall");
            st.execute("CREATE TABLE shops (store_id bigint PRIMARY KEY, name text)");
            st.execute("CREATE TABLE sales (store_id bigint NOT NULL REFERENCES shops, sale_id bigint, amount int)");
            st.execute("INSERT INTO shops SELECT i, 'shop ' || i FROM generate_series(1, 10) i");
            st.execute("INSERT INTO sales SELECT 1 + i % 10, i, i % 100 FROM generate_series(1, 30000) i");
            st.execute("ANALYZE shops, sales");
        }
        JarRun.Result refused = JarRun.shardprep(null, "-c", "SET search_path TO mall", "-c", "distribute run --online", conninfo());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("distribute run --online refused, nothing changed: sales has no replica identity (no primary key, "
                + "REPLICA IDENTITY NOTHING): its UPDATEs and DELETEs would fail while it is copied; ALTER TABLE ... REPLICA IDENTITY FULL, "
                + "or a primary key, first\n");
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'mall.%'")).containsExactly("0");
            assertThat(rows(c, "SELECT count(*) FROM pg_constraint WHERE conname = 'sales_store_id_fkey'")).containsExactly("1");
        }

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE mall.sales ADD PRIMARY KEY (store_id, sale_id)");
        }
        // an application's writes all through the run, one INSERT per row in a transaction of its own: none may fail,
        // not even the ones that meet the switch-over to the new shards (Citus re-routes them; a writer using COPY
        // instead fails here with "could not find valid entry for shard N", which is how this was checked)
        SingleRowWriter writer = new SingleRowWriter("INSERT INTO mall.sales VALUES (?, ?, 1)");
        writer.start();
        JarRun.Result run;
        try {
            writer.awaitWrites(50);
            run = JarRun.shardprep(null, "-c", "SET search_path TO mall", "-c", "distribute run --online", conninfo());
            writer.awaitWrites(writer.written() + 50);
        } finally {
            writer.stop();
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "Foreign keys off while the tables are distributed (1): sales.sales_store_id_fkey.",
                "[1/2] SELECT create_distributed_table('shops', 'store_id');",
                "      not concurrently: 10 rows, a short copy",
                "[2/2] SELECT create_distributed_table_concurrently('sales', 'store_id', colocate_with => 'shops');",
                "      writes go on during the copy. At the switch-over to the new shards Citus re-routes an INSERT ... VALUES",
                "      validate sales_store_id_fkey of sales")
                .containsPattern("the foreign keys were off for \\d+\\.\\d s; the rows written meanwhile were checked by VALIDATE");
        assertThat(writer.failures()).isEmpty();
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT count(*) FROM mall.sales")).containsExactly(String.valueOf(30000 + writer.written()));
            assertThat(rows(c, "SELECT convalidated::text FROM pg_constraint WHERE conname = 'sales_store_id_fkey'")).containsExactly("true");
        }
    }

    /**
     * The three public schemas of ../shared/realworld/, each in a database of its own on the cluster: prepare run,
     * check-distribution Ready, distribute run, then Citus has every table as planned (reference tables, one
     * colocation group on the column), the foreign keys are back and valid, and every earlier value is unchanged.
     */
    @Test
    void distributesThePublicSchemasAsPlanned() throws SQLException, IOException, InterruptedException {
        realWorld("citus_pagila", "--tenant store", 4, 11, "pagila/pagila-schema.sql", "pagila/pagila-data.sql");
        realWorld("citus_ads", "--tenant companies --column company_id", 5, 0, "citus-ad-analytics/schema-before.sql");
        realWorld("citus_killbill", "--column tenant_record_id", 49, 0, "killbill/00-ddl-postgresql.sql", "killbill/01-account-ddl.sql",
                "killbill/02-beatrix-ddl.sql", "killbill/03-catalog-ddl.sql", "killbill/04-entitlement-ddl.sql", "killbill/05-invoice-ddl.sql",
                "killbill/06-payment-ddl.sql", "killbill/07-subscription-ddl.sql", "killbill/08-tenant-ddl.sql", "killbill/09-usage-ddl.sql",
                "killbill/10-util-ddl.sql");
    }

    /**
     * Runs one INSERT of a row at a time, each its own transaction, on a connection of its own, and keeps what failed.
     * The statement takes a store (1 to 3) and a growing id.
     */
    private static final class SingleRowWriter {
        private final String insertSql;
        private final Thread thread = new Thread(this::write, "single-row-writer");
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong written = new AtomicLong();
        private volatile boolean stopping;

        SingleRowWriter(String insertSql) {
            this.insertSql = insertSql;
        }

        void start() { thread.start(); }

        private void write() {
            try (Connection c = connect();
                 PreparedStatement insert = c.prepareStatement(insertSql)) {
                for (long id = 1_000_000; !stopping; id++) {
                    insert.setLong(1, 1 + id % 3);
                    insert.setLong(2, id);
                    try {
                        insert.executeUpdate();
                        written.incrementAndGet();
                    } catch (SQLException e) {
                        failures.add(e.getSQLState() + ": " + e.getMessage());
                    }
                    Thread.sleep(2);
                }
            } catch (SQLException | InterruptedException e) {
                failures.add("writer stopped: " + e);
            }
        }

        long written() { return written.get(); }

        List<String> failures() { return List.copyOf(failures); }

        /** Waits until at least {@code n} rows are in (at most a minute). */
        void awaitWrites(long n) {
            long until = System.nanoTime() + 60_000_000_000L;
            try {
                while (written.get() < n && thread.isAlive() && System.nanoTime() < until) Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(written.get()).as("rows written; failures: " + failures).isGreaterThanOrEqualTo(n);
        }

        void stop() {
            stopping = true;
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void realWorld(String db, String options, int distributed, int reference, String... files)
            throws SQLException, IOException, InterruptedException {
        String conninfo = databaseWithNodes(db);
        for (String f : files) {
            Process p = new ProcessBuilder("psql", "-X", "-q", "-d", conninfo, "-f", Path.of("..", "shared", "realworld", f).toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        }
        try (Connection c = connectTo(conninfo); Statement st = c.createStatement()) {
            if (db.equals("citus_ads")) {
                st.execute("""
                        INSERT INTO companies SELECT i, 'c' || i, NULL, now(), now() FROM generate_series(1, 5) i;
                        INSERT INTO campaigns SELECT i, i % 5 + 1, 'camp' || i, 'cpc', 'on', i * 10, NULL, now(), now() FROM generate_series(1, 25) i;
                        INSERT INTO ads SELECT i, i % 25 + 1, 'ad' || i, NULL, NULL, i, i, now(), now() FROM generate_series(1, 300) i;
                        INSERT INTO clicks SELECT i, i % 300 + 1, now(), 'site' || i, i / 7.0, '10.0.0.1', '{}' FROM generate_series(1, 9000) i;
                        INSERT INTO impressions SELECT i, i % 300 + 1, now(), 'site' || i, i / 3.0, '10.0.0.2', '{}' FROM generate_series(1, 4000) i;""");
            }
            if (db.equals("citus_killbill")) st.execute(RealWorldSchemasIT.GENERATE_ROWS);
        }
        Map<String, String> before;
        Map<String, String> columns;
        try (Connection c = connectTo(conninfo)) {
            columns = columns(c);
            before = checksums(c, columns);
        }
        JarRun.Result prepare = JarRun.shardprep(null, "-c", "prepare run " + options + " --yes", conninfo);
        assertThat(prepare.exitCode()).as(prepare.err()).isZero();
        JarRun.Result check = JarRun.shardprep(null, "-c", "check-distribution " + options, conninfo);
        assertThat(check.out()).as(db).contains("Ready: ").doesNotContain("Problems:");
        JarRun.Result run = JarRun.shardprep(null, "-c", "distribute run " + options, conninfo);
        assertThat(run.exitCode()).as(db + ": " + run.out() + run.err()).isZero();
        JarRun.Result again = JarRun.shardprep(null, "-c", "check-distribution " + options, conninfo);
        assertThat(again.out()).as(db).contains("Ready, and done: ");
        try (Connection c = connectTo(conninfo)) {
            assertThat(rows(c, "SELECT count(*) FILTER (WHERE citus_table_type = 'distributed') || '|' "
                    + "|| count(*) FILTER (WHERE citus_table_type = 'reference') FROM citus_tables "
                    + "WHERE NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = table_name)")).as(db)
                    .containsExactly(distributed + "|" + reference);
            assertThat(rows(c, "SELECT count(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'")).as(db).containsExactly("1");
            assertThat(rows(c, "SELECT count(*) FILTER (WHERE NOT convalidated) FROM pg_constraint WHERE contype = 'f' "
                    + "AND connamespace = 'public'::regnamespace")).as(db).containsExactly("0");
            assertThat(org.shardprep.prepare.KeysOff.read(c)).as(db).isEmpty();
            assertThat(checksums(c, columns)).as(db).isEqualTo(before);
        }
    }

    /** A new database on the cluster (Citus propagates it), with Citus in it on every node and the workers added. */
    static String databaseWithNodes(String db) throws SQLException {
        List<String> workers;
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET citus.enable_create_database_propagation = on");
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + db);
            workers = rows(c, "SELECT nodename || '|' || nodeport FROM pg_dist_node WHERE groupid > 0 ORDER BY nodeid");
        }
        String conninfo = CITUS.replaceAll("dbname=\\S+", "") + " dbname=" + db;
        for (String w : workers) {
            String[] hp = w.split("\\|");
            String node = CITUS.replaceAll("(host|port|dbname)=\\S+", "") + " host=" + hp[0] + " port=" + hp[1] + " dbname=" + db;
            try (Connection c = connectTo(node); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS citus");
            }
        }
        try (Connection c = connectTo(conninfo); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS citus");
            try (Connection m = connect()) {
                String coord = rows(m, "SELECT nodename || '|' || nodeport FROM pg_dist_node WHERE groupid = 0").get(0);
                st.execute("SELECT citus_set_coordinator_host('" + coord.split("\\|")[0] + "', " + coord.split("\\|")[1] + ")");
            }
            for (String w : workers) {
                String[] hp = w.split("\\|");
                st.execute("SELECT citus_add_node('" + hp[0] + "', " + hp[1] + ")");
            }
        }
        return conninfo;
    }

    /** Every table of public (partitioned tables whole) with its columns, as they are before anything is changed. */
    private static Map<String, String> columns(Connection c) throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String row : rows(c, "SELECT k.oid::regclass::text || '|' || string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) "
                + "FROM pg_class k JOIN pg_attribute a ON a.attrelid = k.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "WHERE k.relnamespace = 'public'::regnamespace AND k.relkind IN ('r', 'p') AND NOT k.relispartition GROUP BY k.oid ORDER BY 1")) {
            out.put(row.substring(0, row.indexOf('|')), row.substring(row.indexOf('|') + 1));
        }
        return out;
    }

    private static Map<String, String> checksums(Connection c, Map<String, String> columns) throws SQLException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> t : columns.entrySet()) {
            out.put(t.getKey(), rows(c, "SELECT count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT ROW("
                    + t.getValue() + ")::text r FROM " + t.getKey() + ") x").get(0));
        }
        return out;
    }

    static Connection connectTo(String conninfo) throws SQLException {
        var s = new org.shardprep.connect.ConnectionSettingsResolver(w -> { })
                .resolve(org.shardprep.connect.ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
    }

    private static JarRun.Result shardprep(String command) {
        return JarRun.shardprep(null, "-c", command, conninfo());
    }

    private static String conninfo() {
        return CITUS;
    }

    private static Connection connect() throws SQLException {
        var s = new org.shardprep.connect.ConnectionSettingsResolver(w -> { })
                .resolve(org.shardprep.connect.ConnectionRequest.ofConnInfo(CITUS), Map.of(), Path.of("/nonexistent"));
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
    }

    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) values.add(rs.getString(i));
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** A directory holding the sample's CSV files, where the exercise's \COPY commands find them. */
    private static Path unzippedSample() throws IOException {
        Path dir = TestFiles.directory("citus-exercise");
        try (InputStream in = Files.newInputStream(SAMPLE_ZIP); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory()) Files.copy(zip, dir.resolve(Path.of(e.getName()).getFileName().toString()));
            }
        }
        return dir;
    }
}
