package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.shardprep.ExerciseSql;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * check-distribution and distribute run through the built jar, on the exercise-sized sample loaded by load-all,
 * as the exercise goes: the schema as created, the column added and backfilled, the keys swapped.
 */
class CheckDistributionIT {

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    private static final String STATEMENTS = """
            SELECT create_distributed_table('stores', 'store_id');
            SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');
            SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');
            SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');
            """;

    private static final String CITUS_KEYS = "(Citus: \"Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the partition column (with an equality operator if EXCLUDE).\")";
    private static final String CITUS_FOREIGN_KEYS = "(Citus: \"Foreign keys are supported in two cases, either in between two colocated tables including partition column in the same ordinal in the both tables or from distributed to reference tables\")";

    @Test
    void reportsTheExerciseFromNotReadyToReady() throws IOException {
        String db = TestServer.freshDatabase("e2e_check_distribution");
        JarRun.Result load = JarRun.shardprep(null, "-q", "-c", "load-all --from " + SAMPLE_ZIP, db);
        assertThat(load.exitCode()).as(load.err()).isZero();

        JarRun.Result created = JarRun.shardprep(null, "-c", "check-distribution", db);
        assertThat(created.err()).isEmpty();
        assertThat(created.exitCode()).isZero();   // a report, not an error
        assertThat(created.out()).isEqualTo("""
                   table    | store_id | not null | primary key | unique | foreign keys | rows |                    role                    \s
                ------------+----------+----------+-------------+--------+--------------+------+---------------------------------------------
                 stores     | yes      | yes      | yes         | none   | none         |    6 | distributed on store_id (colocation anchor)
                 orders     | yes      | no       | no          | none   | yes          |   60 | distributed on store_id
                 products   | yes      | no       | no          | none   | yes          |   24 | distributed on store_id
                 line_items | no       |          | no          | none   | no           |  114 | distributed on store_id
                (4 rows)

                Problems:
                    orders: primary key orders_pkey (order_id) does not include store_id %1$s: prepare run widens it to (store_id, order_id)
                    products: primary key products_pkey (product_id) does not include store_id %1$s: prepare run widens it to (store_id, product_id)
                    line_items: no store_id column: prepare run adds it and fills it along line_items.product_id → products.product_id → products.store_id (Citus: a distributed table needs its distribution column)
                    line_items: primary key line_items_pkey (line_item_id) does not include store_id %1$s: prepare run widens it to (store_id, line_item_id)
                    line_items: foreign key line_items_order_id_fkey (order_id) → orders (order_id) does not hold the distribution columns on both sides %2$s: prepare run re-points it onto (store_id, order_id) → (store_id, order_id)
                    line_items: foreign key line_items_product_id_fkey (product_id) → products (product_id) does not hold the distribution columns on both sides %2$s: prepare run re-points it onto (store_id, product_id) → (store_id, product_id)
                Not ready: 6 blocking problems. prepare run --column store_id does what the plan can; the rest is named above.

                Statements once ready, in this order:
                """.formatted(CITUS_KEYS, CITUS_FOREIGN_KEYS) + STATEMENTS + "\n"
                + "distribute run takes these foreign keys off while it runs, and puts them back NOT VALID then validated (rows written "
                + "meanwhile are checked then): orders.orders_store_id_fkey, products.products_store_id_fkey, "
                + "line_items.line_items_order_id_fkey, line_items.line_items_product_id_fkey\n\n");

        JarRun.Result backfill = JarRun.shardprep(null, "-v", "ON_ERROR_STOP=1", "-f",
                script(ExerciseSql.addStoreId() + ExerciseSql.backfillFunction() + "SELECT backfill_batch(1000000);\n"
                        + "check-distribution\n"), db);
        assertThat(backfill.exitCode()).as(backfill.err()).isZero();
        assertThat(backfill.out()).contains("""
                Problems:
                    orders: primary key orders_pkey (order_id) does not include store_id %1$s: prepare run widens it to (store_id, order_id)
                    products: primary key products_pkey (product_id) does not include store_id %1$s: prepare run widens it to (store_id, product_id)
                    line_items: primary key line_items_pkey (line_item_id) does not include store_id %1$s: prepare run widens it to (store_id, line_item_id)
                    line_items: foreign key line_items_order_id_fkey (order_id) → orders (order_id) does not hold the distribution columns on both sides %2$s: prepare run re-points it onto (store_id, order_id) → (store_id, order_id)
                    line_items: foreign key line_items_product_id_fkey (product_id) → products (product_id) does not hold the distribution columns on both sides %2$s: prepare run re-points it onto (store_id, product_id) → (store_id, product_id)
                Not ready: 5 blocking problems. prepare run --column store_id does what the plan can; the rest is named above.
                """.formatted(CITUS_KEYS, CITUS_FOREIGN_KEYS));

        JarRun.Result swap = JarRun.shardprep(null, "-v", "ON_ERROR_STOP=1", "-f", script(ExerciseSql.keySwap()), db);
        assertThat(swap.exitCode()).as(swap.err()).isZero();
        JarRun.Result ready = JarRun.shardprep(null, "-c", "check-distribution", db);
        assertThat(ready.exitCode()).isZero();
        assertThat(ready.out()).isEqualTo("""
                   table    | store_id | not null | primary key | unique | foreign keys | rows |                    role                    \s
                ------------+----------+----------+-------------+--------+--------------+------+---------------------------------------------
                 stores     | yes      | yes      | yes         | none   | none         |    6 | distributed on store_id (colocation anchor)
                 orders     | yes      | yes      | yes         | none   | yes          |   60 | distributed on store_id
                 products   | yes      | yes      | yes         | none   | yes          |   24 | distributed on store_id
                 line_items | yes      | yes      | yes         | none   | yes          |  114 | distributed on store_id
                (4 rows)

                Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables.

                Statements, in this order:
                """ + STATEMENTS + "\n"
                + "distribute run takes these foreign keys off while it runs, and puts them back NOT VALID then validated (rows written "
                + "meanwhile are checked then): orders.orders_store_id_fkey, products.products_store_id_fkey, "
                + "line_items.line_items_orders_fkey, line_items.line_items_products_fkey, line_items.line_items_store_id_fkey\n\n");

        // named tables are the ones reported, of the whole schema's plan; the column spelled out
        JarRun.Result named = JarRun.shardprep(null, "-c", "check-distribution --column store_id orders line_items", db);
        assertThat(named.out()).contains(" orders     | yes ", " line_items | yes ", "Ready: 4 tables to distribute on store_id")
                .doesNotContain(" stores     |");

        // no Citus here: the statements to run on a coordinator, and a refusal
        JarRun.Result run = JarRun.shardprep(null, "-c", "distribute run", db);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("Statements to run on a Citus coordinator:\n" + STATEMENTS);
        assertThat(run.err()).isEqualTo("this server has no Citus: no citus extension in pg_extension, nor one to install\n");
    }

    @Test
    void badInputIsOneLineAndExitStatus1() {
        String db = TestServer.freshDatabase("e2e_check_distribution_bad");
        JarRun.Result schema = JarRun.shardprep(null, "-q", "-c", "create-schema", db);
        assertThat(schema.exitCode()).as(schema.err()).isZero();
        assertError(db, "relation \"no_such_table\" does not exist\n", "-c", "check-distribution orders no_such_table");
        assertError(db, "no table on the search path has a column \"tenant_id\"\n", "-c", "check-distribution --column tenant_id");
        assertError(db, "--tenant: no table \"shops\" on the search path\n", "-c", "check-distribution --tenant shops");
        assertError(db, "distribute run cannot run inside a transaction block (COMMIT or ROLLBACK first)\n", "-c", "BEGIN", "-c", "distribute run");
        JarRun.Result notReady = JarRun.shardprep(null, "-c", "distribute run", db);
        assertThat(notReady.exitCode()).isEqualTo(1);
        assertThat(notReady.out()).startsWith("Statements to run on a Citus coordinator once the tables are ready:\n");
        assertThat(notReady.err()).isEqualTo("this server has no Citus: no citus extension in pg_extension, nor one to install; "
                + "the tables are not ready either (6 blocking problems: check-distribution)\n");
    }

    private static void assertError(String db, String err, String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = db;
        JarRun.Result r = JarRun.shardprep(null, all);
        assertThat(r.err()).isEqualTo(err);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    private static String script(String text) throws IOException {
        Path file = TestFiles.file("distribution", ".sql");
        Files.writeString(file, text);
        return file.toString();
    }
}
