package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.shardprep.QueryRows;
import org.shardprep.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** swap-pk through the built jar, on the exercise-sized data set with line_items.store_id added and filled. */
class SwapPkIT {

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    @Test
    void theLongPlanIsPagedAtATerminalAsAQueryResultIs() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = TestServer.freshDatabase("swap_it_paged");
        try (Connection c = TestServer.connect("swap_it_paged"); Statement st = c.createStatement()) {
            st.execute("create table stores(store_id int primary key);"
                    + "create table orders(order_id int primary key, store_id int references stores);"
                    + "create table line_items(line_item_id int primary key, order_id int references orders, store_id int)");
        }
        try (PseudoTerminal screen = PseudoTerminal.shardprep(12, java.util.Map.of("PAGER", "sed 's/^/PAGED:/'"), db)) {
            screen.await("swap_it_paged=#");
            screen.type("swap-pk plan\r");
            screen.await("PAGED:swap-pk plan for store_id on ");
            screen.await("PAGED:line_items: primary key ");
            screen.type("\u0004");
            screen.exitStatus();
        }
    }

    @Test
    void plansRunsAndEndsWhereTheExerciseEnds() throws Exception {
        String db = filled("swap_it_ours");
        JarRun.Result plan = JarRun.shardprep(null, "-c", "swap-pk plan --column store_id orders line_items products", db);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).startsWith("swap-pk plan for store_id on orders, products, line_items (tenant table stores): 22 of 26 steps to do\n\n"
                        + "orders: primary key (order_id) -> (store_id, order_id)\n"
                        + "   1. NOT NULL check on store_id, NOT VALID\n"
                        + "      why: a moment's lock and no scan; every row written from now on is checked\n"
                        + "      ALTER TABLE orders ADD CONSTRAINT orders_store_id_not_null_check CHECK (store_id IS NOT NULL) NOT VALID;\n")
                .contains("      CREATE UNIQUE INDEX CONCURRENTLY line_items_tmp_idx ON line_items (store_id, line_item_id);\n",
                        "  17. done: foreign key (store_id) to stores, NOT VALID\n")
                .doesNotContain("would refuse");

        JarRun.Result run = JarRun.shardprep(null, "-c", "swap-pk run", db);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("[1/26] orders: NOT NULL check on store_id, NOT VALID\n[1/26] done in ",
                        "[24/26] line_items: primary key onto line_items_tmp_idx\n")
                .containsPattern("Done in [0-9.]+ s\\.\n")
                .endsWith("Run check-distribution for the full readiness report.\n");

        JarRun.Result after = JarRun.shardprep(null, "-c", "swap-pk plan", db);
        assertThat(after.out()).startsWith("swap-pk plan for store_id on orders, products, line_items (tenant table stores): all 26 steps done\n\n"
                + "orders: primary key (store_id, order_id)\n   1. done: NOT NULL check on store_id, NOT VALID\n");

        // the exercise's statements as written, on an identical database: the same keys in the end
        String exercise = filled("swap_it_exercise");
        JarRun.Result asExercise = JarRun.shardprep(null, "-c", "swap-pk run --as-exercise", exercise);
        assertThat(asExercise.exitCode()).as(asExercise.err()).isZero();
        assertThat(asExercise.out()).contains("[1/6] CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id, order_id)\nCREATE INDEX\n[1/6] ",
                        "[6/6] BEGIN ... COMMIT: the primary key of line_items\nBEGIN\nALTER TABLE\nALTER TABLE\nCOMMIT\n[6/6] ")
                .containsPattern("\\[4/6\\] [0-9.]+ s\n")
                .containsPattern("The exercise's key swap took [0-9.]+ s\\.\n$");
        assertThat(asExercise.err()).contains("NOTICE:  drop cascades to constraint line_items_order_id_fkey on table line_items\n");
        assertThat(catalog("swap_it_ours")).isEqualTo(catalog("swap_it_exercise"));
    }

    @Test
    void refusesWithOneLineAndChangesNothing() throws Exception {
        String db = TestServer.freshDatabase("swap_it_refuse");
        JarRun.Result load = JarRun.shardprep(null, "-q", "-v", "ON_ERROR_STOP=1", "-c", "load-all --from " + SAMPLE_ZIP,
                "-c", "ALTER TABLE line_items ADD COLUMN store_id bigint", db);
        assertThat(load.exitCode()).as(load.err()).isZero();
        List<String> before = catalog("swap_it_refuse");

        assertRefused(db, "swap-pk run", "store_id is still NULL in 114 rows of line_items: run backfill start and let it finish, "
                + "then swap-pk run again\n");
        assertRefused(db, "swap-pk run no_such_table", "table \"no_such_table\" does not exist\n");
        assertRefused(db, "swap-pk plan --column tenant_id", "no table has a column \"tenant_id\" to put into its keys\n");

        // the exercise's backfill job, on the client scheduler, still active
        Path script = TestFiles.file("swap-refuse", ".sql");
        Files.writeString(script, """
                UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE li.order_id = o.order_id;
                SELECT cron.schedule('backfill', '*/1 * * * *', 'SELECT backfill_batch(1000000);');
                swap-pk run
                SELECT cron.unschedule('backfill');
                simulate-orders install --version 1
                swap-pk run
                """);
        JarRun.Result r = JarRun.shardprep(null, "-q", "-f", script.toString(), db);
        assertThat(r.err()).contains("scheduled job backfill (SELECT backfill_batch(1000000);) still runs the backfill: once it has "
                + "filled every row, unschedule backfill and run swap-pk again\n", "create_orders() inserts into line_items without store_id: "
                + "once the column is NOT NULL every call fails with null value in column \"store_id\" of relation \"line_items\" violates "
                + "not-null constraint; install the version that writes it (simulate-orders install --version 2), or add --force\n");
        assertThat(catalog("swap_it_refuse")).isEqualTo(before);
    }

    @Test
    void ctrlCStopsTheRunAndTheNextRunFinishes() throws Exception {
        String db = filled("swap_it_cancel");
        try (Connection holder = TestServer.connect("swap_it_cancel"); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE products IN ACCESS SHARE MODE");   // orders can go; products' first step waits
            ProcessBuilder pb = new ProcessBuilder(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-c", "swap-pk run", db);
            pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
            pb.environment().put("HOME", TestFiles.directory("shardprep-home").toString());
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (count("swap_it_cancel", "pg_stat_activity WHERE query LIKE 'ALTER TABLE products ADD%' AND wait_event_type = 'Lock'") == 0) {
                assertThat(System.currentTimeMillis()).as("the run reaches products").isLessThan(deadline);
                Thread.sleep(20);
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.exitValue()).as(err).isNotZero();
            assertThat(err).contains("stopped at step 10 of 26 (products: NOT NULL check on store_id, NOT VALID); the steps before it are "
                    + "done, its transaction was rolled back; swap-pk run again finishes the job\n");
            holder.rollback();
        }
        JarRun.Result again = JarRun.shardprep(null, "-c", "swap-pk run", db);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("swap-pk run for store_id on orders, products, line_items (tenant table stores): 15 of 26 steps to do");
        assertThat(JarRun.shardprep(null, "-c", "swap-pk plan", db).out()).contains("all 26 steps done");
    }

    private static void assertRefused(String db, String command, String err) {
        JarRun.Result r = JarRun.shardprep(null, "-c", command, db);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    /** A fresh database with the data set loaded and line_items.store_id added and filled (as the backfill would). */
    private static String filled(String name) {
        String db = TestServer.freshDatabase(name);
        JarRun.Result r = JarRun.shardprep(null, "-q", "-v", "ON_ERROR_STOP=1", "-c", "load-all --from " + SAMPLE_ZIP,
                "-c", "ALTER TABLE line_items ADD COLUMN store_id bigint",
                "-c", "UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE li.order_id = o.order_id", db);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return db;
    }

    private static List<String> catalog(String db) throws SQLException {
        List<String> rows = new ArrayList<>();
        String[] queries = {
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
                + "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
            "SELECT attrelid::regclass::text, attname, attnotnull FROM pg_attribute WHERE attnum > 0 AND NOT attisdropped "
                + "AND attrelid IN ('stores'::regclass, 'products'::regclass, 'orders'::regclass, 'line_items'::regclass) ORDER BY 1, 2"};
        rows.addAll(QueryRows.of(db, queries));
        return rows;
    }

    private static long count(String db, String from) throws SQLException {
        return QueryRows.count(db, from);
    }
}
