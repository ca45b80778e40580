package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.Test;
import org.shardprep.ExerciseSql;
import org.shardprep.TestServer;
import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.migrate.distribute.DistributionPlan.Role;
import org.shardprep.migrate.distribute.DistributionPlan.Step;
import org.shardprep.command.CommandError;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readiness check on a real server, through the exercise's own steps: the schema as created (line_items has
 * no store_id), the column added, backfilled, and the exercise's key swap run as written.
 */
class ReadinessCheckTest {

    private static final List<String> DISTRIBUTE_THE_EXERCISE = List.of(
            "SELECT create_distributed_table('stores', 'store_id');",
            "SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
            "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
            "SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');");

    @Test
    void followsTheExerciseFromNotReadyToReady() throws SQLException {
        TestServer.freshDatabase("readiness_exercise");
        try (Connection c = TestServer.connect("readiness_exercise")) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            sampleRows(c);

            DistributionPlan created = ReadinessCheck.run(c, "store_id", List.of()).plan();
            assertThat(problems(created)).containsExactly(
                    "orders: primary key orders_pkey (order_id) does not include store_id; run swap-pk",
                    "products: primary key products_pkey (product_id) does not include store_id; run swap-pk",
                    "line_items: no store_id column, yet its foreign keys tie it to orders and products, which are distributed: add store_id and backfill it");
            assertThat(created.ready()).isFalse();
            assertThat(created.entries()).extracting(Entry::name).containsExactly("stores", "orders", "products", "line_items");
            assertThat(created.entries()).extracting(Entry::role).containsOnly(Role.DISTRIBUTED);
            assertThat(created.anchor()).contains("stores");
            assertThat(created.entries()).extracting(e -> e.table().rows()).containsExactly(3L, 9L, 6L, 18L);
            assertThat(created.entry("line_items").orElseThrow().keys())
                    .isEqualTo(new DistributionPlan.KeyAnswers(DistributionPlan.Answer.NO, DistributionPlan.Answer.NONE, DistributionPlan.Answer.NO));

            ExerciseSql.run(c, ExerciseSql.addStoreId());
            DistributionPlan added = ReadinessCheck.run(c, "store_id", List.of()).plan();
            assertThat(problems(added)).contains("line_items: 18 rows have no store_id (NULL): backfill them").hasSize(6);

            ExerciseSql.run(c, ExerciseSql.backfillFunction());
            ExerciseSql.run(c, "SELECT backfill_batch(1000000);");
            DistributionPlan backfilled = ReadinessCheck.run(c, "store_id", List.of()).plan();
            assertThat(problems(backfilled)).containsExactly(
                    "orders: primary key orders_pkey (order_id) does not include store_id; run swap-pk",
                    "products: primary key products_pkey (product_id) does not include store_id; run swap-pk",
                    "line_items: primary key line_items_pkey (line_item_id) does not include store_id; run swap-pk",
                    "line_items: foreign key line_items_order_id_fkey (order_id) references orders (order_id) without store_id; run swap-pk",
                    "line_items: foreign key line_items_product_id_fkey (product_id) references products (product_id) without store_id; run swap-pk");
            assertThat(backfilled.blockingProblems()).isEqualTo(5);
            assertThat(backfilled.steps()).extracting(Step::sql).containsExactlyElementsOf(DISTRIBUTE_THE_EXERCISE);

            ExerciseSql.run(c, ExerciseSql.keySwap());
            DistributionPlan swapped = ReadinessCheck.run(c, "store_id", List.of()).plan();
            assertThat(problems(swapped)).isEmpty();
            assertThat(swapped.entries()).allSatisfy(e -> assertThat(e.notes()).isEmpty());
            assertThat(swapped.ready()).isTrue();
            assertThat(swapped.steps()).extracting(Step::sql).containsExactlyElementsOf(DISTRIBUTE_THE_EXERCISE);
            assertThat(swapped.entries()).allSatisfy(e -> {
                assertThat(e.table().keys().column("store_id").orElseThrow().notNull()).isTrue();
                assertThat(e.keys().primaryKey()).isEqualTo(DistributionPlan.Answer.YES);
            });
            assertThat(ReadinessReport.verdict(swapped))
                    .isEqualTo("Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables.");
        }
    }

    @Test
    void namedTablesAreCheckedAloneAndWhatTheyLeaveOutIsAProblem() throws SQLException {
        TestServer.freshDatabase("readiness_named");
        try (Connection c = TestServer.connect("readiness_named")) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            ExerciseSql.run(c, ExerciseSql.addStoreId());
            ExerciseSql.run(c, ExerciseSql.keySwap());
            DistributionPlan plan = ReadinessCheck.run(c, "store_id", List.of("public.line_items", "orders", "line_items")).plan();
            assertThat(plan.entries()).extracting(Entry::name).containsExactly("orders", "line_items");
            assertThat(problems(plan)).containsExactly(
                    "orders: foreign key orders_store_id_fkey references stores, which is left out: check it too",
                    "line_items: foreign key line_items_products_fkey references products, which is left out: check it too",
                    "line_items: foreign key line_items_store_id_fkey references stores, which is left out: check it too");
        }
    }

    @Test
    void anUnknownTableOrColumnIsRefused() throws SQLException {
        TestServer.freshDatabase("readiness_unknown");
        try (Connection c = TestServer.connect("readiness_unknown")) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            assertThatThrownBy(() -> ReadinessCheck.run(c, "store_id", List.of("orders", "no_such_table")))
                    .isInstanceOf(CommandError.class).hasMessage("relation \"no_such_table\" does not exist");
            assertThatThrownBy(() -> ReadinessCheck.run(c, "tenant_id", List.of()))
                    .isInstanceOf(CommandError.class).hasMessage("column \"tenant_id\" does not exist in any of the 4 tables checked");
            assertThatThrownBy(() -> ReadinessCheck.run(c, "store_id", List.of("line_items")))
                    .isInstanceOf(CommandError.class).hasMessage("column \"store_id\" does not exist in table line_items");
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA empty_one");
                st.execute("SET search_path TO empty_one");
            }
            assertThat(ReadinessCheck.run(c, "store_id", List.of()).plan().entries()).isEmpty();
        }
    }

    private static List<String> problems(DistributionPlan plan) {
        return plan.entries().stream().flatMap(e -> e.problems().stream().map(p -> e.name() + ": " + p)).toList();
    }

    /** A few rows in every table, each line item a product of its order's store. */
    private static void sampleRows(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO stores (name, category) SELECT 'store ' || i, 'Toys' FROM generate_series(1, 3) i");
            st.execute("INSERT INTO products (store_id, name, price) SELECT 1 + i % 3, 'product ' || i, i FROM generate_series(1, 6) i");
            st.execute("INSERT INTO orders (store_id, status) SELECT 1 + i % 3, 'Pending' FROM generate_series(1, 9) i");
            st.execute("INSERT INTO line_items (product_id, order_id, quantity, line_amount) "
                    + "SELECT p.product_id, o.order_id, 1, p.price FROM orders o JOIN products p USING (store_id)");
        }
    }
}
