package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.Test;
import org.shardprep.ExerciseSql;
import org.shardprep.TestServer;
import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.prepare.Planner;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.CitusStep;
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

    /** The exercise's own column, with no tenant table named: what check-distribution does by default. */
    private static ReadinessCheck check(Connection c) throws SQLException {
        return ReadinessCheck.run(c, new Planner.Options(null, "store_id", List.of(), List.of()));
    }

    private static final String CITUS_KEYS = " (Citus: \"Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints "
            + "that do not include the partition column (with an equality operator if EXCLUDE).\")";

    private static final String CITUS_FOREIGN_KEYS = " (Citus: \"Foreign keys are supported in two cases, either in between two colocated "
            + "tables including partition column in the same ordinal in the both tables or from distributed to reference tables\")";

    /**
     * The exercise step by step, as its own SQL does it: check-distribution reads prepare's plan, and what it
     * calls a problem is what the catalog shows of that plan still to do, each with Citus's own words.
     */
    @Test
    void followsTheExerciseFromNotReadyToReady() throws SQLException {
        TestServer.freshDatabase("readiness_exercise");
        try (Connection c = TestServer.connect("readiness_exercise")) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            sampleRows(c);

            DistributionPlan created = check(c).plan();
            assertThat(problems(created)).contains(
                    "orders: primary key orders_pkey (order_id) does not include store_id" + CITUS_KEYS + ": prepare run widens it to (store_id, order_id)",
                    "products: primary key products_pkey (product_id) does not include store_id" + CITUS_KEYS + ": prepare run widens it to (store_id, product_id)",
                    "line_items: no store_id column: prepare run adds it and fills it along line_items.product_id → products.product_id → "
                            + "products.store_id (Citus: a distributed table needs its distribution column)");
            assertThat(created.ready()).isFalse();
            assertThat(created.entries()).extracting(Entry::name).containsExactly("stores", "orders", "products", "line_items");
            assertThat(created.entries()).extracting(Entry::role).containsOnly(Role.DISTRIBUTED);
            assertThat(created.anchor()).contains("stores");
            assertThat(created.entries()).extracting(Entry::rows).containsExactly(3L, 9L, 6L, 18L);
            assertThat(created.entry("line_items").orElseThrow().keys())
                    .isEqualTo(new DistributionPlan.KeyAnswers(DistributionPlan.Answer.NO, DistributionPlan.Answer.NONE, DistributionPlan.Answer.NO));

            ExerciseSql.run(c, ExerciseSql.addStoreId());
            DistributionPlan added = check(c).plan();
            assertThat(problems(added)).contains("line_items: 18 rows can get no tenant (NULL store_id; e.g. 1, 2, 3): fix or delete them");

            ExerciseSql.run(c, ExerciseSql.backfillFunction());
            ExerciseSql.run(c, "SELECT backfill_batch(1000000);");
            DistributionPlan backfilled = check(c).plan();
            assertThat(problems(backfilled)).containsExactly(
                    "orders: primary key orders_pkey (order_id) does not include store_id" + CITUS_KEYS + ": prepare run widens it to (store_id, order_id)",
                    "products: primary key products_pkey (product_id) does not include store_id" + CITUS_KEYS + ": prepare run widens it to (store_id, product_id)",
                    "line_items: primary key line_items_pkey (line_item_id) does not include store_id" + CITUS_KEYS
                            + ": prepare run widens it to (store_id, line_item_id)",
                    "line_items: foreign key line_items_order_id_fkey (order_id) → orders (order_id) does not hold the distribution columns on both sides"
                            + CITUS_FOREIGN_KEYS + ": prepare run re-points it onto (store_id, order_id) → (store_id, order_id)",
                    "line_items: foreign key line_items_product_id_fkey (product_id) → products (product_id) does not hold the distribution columns on both sides"
                            + CITUS_FOREIGN_KEYS + ": prepare run re-points it onto (store_id, product_id) → (store_id, product_id)");
            assertThat(backfilled.steps()).extracting(CitusStep::sql).containsExactlyElementsOf(DISTRIBUTE_THE_EXERCISE);

            ExerciseSql.run(c, ExerciseSql.keySwap());
            DistributionPlan swapped = check(c).plan();
            assertThat(problems(swapped)).isEmpty();
            assertThat(swapped.entries()).allSatisfy(e -> assertThat(e.notes()).isEmpty());
            assertThat(swapped.ready()).isTrue();
            assertThat(swapped.steps()).extracting(CitusStep::sql).containsExactlyElementsOf(DISTRIBUTE_THE_EXERCISE);
            assertThat(swapped.entries()).allSatisfy(e -> {
                assertThat(e.table().column("store_id").orElseThrow().notNull()).isTrue();
                assertThat(e.keys().primaryKey()).isEqualTo(DistributionPlan.Answer.YES);
            });
            assertThat(ReadinessReport.verdict(swapped))
                    .isEqualTo("Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables.");
        }
    }

    @Test
    void anUnknownTenantTableOrColumnIsOneLine() throws SQLException {
        TestServer.freshDatabase("readiness_unknown");
        try (Connection c = TestServer.connect("readiness_unknown")) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            assertThatThrownBy(() -> ReadinessCheck.run(c, new Planner.Options(null, "tenant_id", List.of(), List.of())))
                    .isInstanceOf(CommandError.class).hasMessage("no table on the search path has a column \"tenant_id\"");
            assertThatThrownBy(() -> ReadinessCheck.run(c, new Planner.Options("no_such_table", null, List.of(), List.of())))
                    .isInstanceOf(CommandError.class).hasMessage("--tenant: no table \"no_such_table\" on the search path");
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA empty_one");
                st.execute("SET search_path TO empty_one");
            }
            assertThatThrownBy(() -> check(c)).isInstanceOf(CommandError.class)
                    .hasMessage("no table on the search path has a column \"store_id\"");
        }
    }

    /** A role named citus finds Citus's own schema first on "$user", public: the one line says so. */
    @Test
    void aRoleNamedCitusIsToldWhereItsSearchPathLooksFirst() throws SQLException {
        TestServer.freshDatabase("readiness_citus_user");
        try (Connection c = TestServer.connect("readiness_citus_user"); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'citus') THEN CREATE ROLE citus SUPERUSER; END IF; END $$");
            st.execute("CREATE SCHEMA citus AUTHORIZATION citus");
            st.execute("CREATE TABLE public.things (id int PRIMARY KEY)");
            st.execute("SET ROLE citus");
            assertThatThrownBy(() -> check(c)).isInstanceOf(CommandError.class).hasMessage("no table on the search path has a column "
                    + "\"store_id\" (the role is named citus, so \"$user\" on the search path is Citus's own schema citus, looked at first: "
                    + "SET search_path TO public, or name the schema)");
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
