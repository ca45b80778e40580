package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.migrate.TableKeys;
import org.shardprep.migrate.ShortLockTransaction;
import org.shardprep.migrate.SwapDatabases;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.dataset.TailspinSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key swap plan as the catalog makes it, on the exercise's schema in the states a swap passes through. */
class KeySwapPlanTest {

    /** The exercise's tables with line_items.store_id added (empty tables: the plan reads the catalog only). */
    private static String exerciseSchema(String db) throws SQLException {
        TestServer.freshDatabase(db);
        SwapDatabases.execute(db, TailspinSchema.DDL, "ALTER TABLE line_items ADD COLUMN store_id bigint");
        return db;
    }

    private static KeySwapPlan plan(String db, String... tables) throws SQLException {
        try (Connection c = TestServer.connect(db)) {
            return KeySwapPlan.read(c, "store_id", List.of(tables));
        }
    }

    private static List<Integer> done(KeySwapPlan plan) {
        return plan.steps().stream().filter(KeySwapStep::done).map(KeySwapStep::number).toList();
    }

    @Test
    void theExerciseSchemaGetsTheExercisesKeysInForeignKeyOrder() throws SQLException {
        KeySwapPlan plan = plan(exerciseSchema("plan_fresh"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.tableNames()).containsExactly("orders", "products", "line_items");   // stores: its key is store_id
        assertThat(plan.tenant()).contains("stores");
        assertThat(plan.nullable()).containsExactlyInAnyOrder("orders", "products", "line_items");
        assertThat(plan.steps()).hasSize(26).extracting(KeySwapStep::number).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 26).boxed().toList());
        // done already: orders and products have their foreign key to stores from CREATE TABLE
        assertThat(done(plan)).containsExactly(8, 9, 17, 18);
        assertThat(plan.tables().get(0).steps()).extracting(KeySwapStep::kind).containsExactly(
                KeySwapStep.Kind.ADD_NOT_NULL_CHECK, KeySwapStep.Kind.VALIDATE_NOT_NULL_CHECK, KeySwapStep.Kind.SET_NOT_NULL,
                KeySwapStep.Kind.DROP_NOT_NULL_CHECK, KeySwapStep.Kind.CREATE_INDEX, KeySwapStep.Kind.SWAP_PRIMARY_KEY,
                KeySwapStep.Kind.VALIDATE_FOREIGN_KEY, KeySwapStep.Kind.ADD_FOREIGN_KEY, KeySwapStep.Kind.VALIDATE_FOREIGN_KEY);

        assertThat(step(plan, 1).statements()).containsExactly(
                "ALTER TABLE orders ADD CONSTRAINT orders_store_id_not_null_check CHECK (store_id IS NOT NULL) NOT VALID");
        assertThat(step(plan, 3).statements()).containsExactly("ALTER TABLE orders ALTER COLUMN store_id SET NOT NULL");
        // the exercise's index, word for word
        assertThat(step(plan, 5).statements()).containsExactly("CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id, order_id)");
        assertThat(step(plan, 5).mode()).isEqualTo(KeySwapStep.Mode.CONCURRENT);
        // one short transaction: the old foreign key out, the primary key onto the index, the new key in NOT VALID
        assertThat(step(plan, 6).statements()).containsExactly(
                "LOCK TABLE orders, line_items IN ACCESS EXCLUSIVE MODE",
                "ALTER TABLE line_items DROP CONSTRAINT line_items_order_id_fkey",
                "ALTER TABLE orders DROP CONSTRAINT orders_pkey, ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_tmp_idx",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, order_id) NOT VALID");
        assertThat(step(plan, 6).mode()).isEqualTo(KeySwapStep.Mode.SHORT_LOCK);
        assertThat(step(plan, 6).sqlLines()).startsWith("BEGIN;").endsWith("COMMIT;");
        assertThat(step(plan, 7).statements()).containsExactly("ALTER TABLE line_items VALIDATE CONSTRAINT line_items_orders_fkey");
        assertThat(step(plan, 15).statements()).contains(
                "ALTER TABLE line_items ADD CONSTRAINT line_items_products_fkey FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id) NOT VALID");
        assertThat(step(plan, 23).statements()).containsExactly(
                "CREATE UNIQUE INDEX CONCURRENTLY line_items_tmp_idx ON line_items (store_id, line_item_id)");
        assertThat(step(plan, 24).statements()).containsExactly(
                "ALTER TABLE line_items DROP CONSTRAINT line_items_pkey, ADD CONSTRAINT line_items_pkey PRIMARY KEY USING INDEX line_items_tmp_idx");
        assertThat(step(plan, 25).statements()).containsExactly(
                "ALTER TABLE line_items ADD CONSTRAINT line_items_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores (store_id) NOT VALID");
        assertThat(step(plan, 26).statements()).containsExactly("ALTER TABLE line_items VALIDATE CONSTRAINT line_items_store_id_fkey");
        assertThat(plan.tables().get(2).becomesNotNull()).isTrue();
    }

    @Test
    void everyStepIsSeenDoneOnceItRan() throws SQLException {
        String db = exerciseSchema("plan_each_step");
        KeySwapPlan first = plan(db);
        KeySwapRunner runner = new KeySwapRunner(ShortLockTransaction.forLiveWrites(), new KeySwapRunner.Listener() { }, () -> false);
        try (Connection c = TestServer.connect(db)) {
            for (KeySwapStep step : first.pending()) {
                runner.execute(c, step);
                KeySwapPlan now = KeySwapPlan.read(c, "store_id", List.of());
                assertThat(now.problems()).isEmpty();
                assertThat(now.steps()).as("numbers stay put").hasSize(26);
                // this step and every one before it are done; what comes after is as it was
                assertThat(now.steps()).allSatisfy(s -> {
                    if (s.number() <= step.number()) assertThat(s.done()).as("step %d after step %d", s.number(), step.number()).isTrue();
                    else assertThat(s.done()).as("step %d after step %d", s.number(), step.number()).isEqualTo(step(first, s.number()).done());
                });
            }
            assertThat(KeySwapPlan.read(c, "store_id", List.of()).pending()).isEmpty();
        }
    }

    @Test
    void setNotNullIsProvedByTheValidatedCheckWithoutAScan() throws SQLException {
        String db = exerciseSchema("plan_no_scan");
        KeySwapPlan plan = plan(db, "orders");
        KeySwapRunner runner = new KeySwapRunner(ShortLockTransaction.forLiveWrites(), new KeySwapRunner.Listener() { }, () -> false);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            runner.execute(c, step(plan, 1));
            runner.execute(c, step(plan, 2));
            st.execute("SET client_min_messages = debug1");
            st.execute(step(plan, 3).statements().get(0));
            StringBuilder notices = new StringBuilder();
            for (java.sql.SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) notices.append(w.getMessage()).append('\n');
            // the server says it skipped the full-table scan that SET NOT NULL does otherwise (under ACCESS EXCLUSIVE)
            assertThat(notices.toString()).contains("existing constraints on column \"orders.store_id\" are sufficient to prove that it does not contain nulls");
        }
    }

    @Test
    void theExercisesEndStateIsAllDone() throws SQLException {
        String db = exerciseSchema("plan_exercise_done");
        SwapDatabases.exercisePath(db);
        KeySwapPlan plan = plan(db);
        assertThat(plan.pending()).isEmpty();
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.tables()).extracting(KeySwapPlan.TableSteps::primaryKey).containsExactly(
                List.of("store_id", "order_id"), List.of("store_id", "product_id"), List.of("store_id", "line_item_id"));
        assertThat(plan.nullable()).isEmpty();
        assertThat(plan("plan_exercise_done", "stores").pending()).as("the tenant table has nothing to do").isEmpty();
    }

    @Test
    void halfDoneStatesAreRecognised() throws SQLException {
        String db = exerciseSchema("plan_half_done");
        // a check added but not validated (a run stopped after step 1 of products)
        SwapDatabases.execute(db, "ALTER TABLE products ADD CONSTRAINT products_store_id_not_null_check CHECK (store_id IS NOT NULL) NOT VALID");
        KeySwapPlan plan = plan(db, "products");
        assertThat(plan.steps()).extracting(KeySwapStep::kind, KeySwapStep::done).startsWith(
                org.assertj.core.groups.Tuple.tuple(KeySwapStep.Kind.ADD_NOT_NULL_CHECK, true),
                org.assertj.core.groups.Tuple.tuple(KeySwapStep.Kind.VALIDATE_NOT_NULL_CHECK, false));

        // NOT NULL set, but the check is still there
        SwapDatabases.execute(db, "ALTER TABLE products VALIDATE CONSTRAINT products_store_id_not_null_check",
                "ALTER TABLE products ALTER COLUMN store_id SET NOT NULL");
        plan = plan(db, "products");
        assertThat(plan.pending()).extracting(KeySwapStep::kind).startsWith(KeySwapStep.Kind.DROP_NOT_NULL_CHECK, KeySwapStep.Kind.CREATE_INDEX);

        // the primary key swapped as the exercise does it, but the foreign key back only NOT VALID
        SwapDatabases.execute(db, "ALTER TABLE products DROP CONSTRAINT products_store_id_not_null_check",
                "CREATE UNIQUE INDEX products_tmp_idx ON products (store_id, product_id)",
                "ALTER TABLE products DROP CONSTRAINT products_pkey CASCADE, ADD CONSTRAINT products_pkey PRIMARY KEY USING INDEX products_tmp_idx",
                "ALTER TABLE line_items ADD CONSTRAINT line_items_products_fkey FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id) NOT VALID");
        plan = plan(db, "products");
        assertThat(plan.pending()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(KeySwapStep.Kind.VALIDATE_FOREIGN_KEY);
            assertThat(s.statements()).containsExactly("ALTER TABLE line_items VALIDATE CONSTRAINT line_items_products_fkey");
        });
    }

    @Test
    void anInvalidIndexIsDroppedAndBuiltAgain() throws SQLException {
        String db = exerciseSchema("plan_invalid_index");
        SwapDatabases.execute(db, "INSERT INTO stores VALUES (1, 'a', 'toys')",
                "INSERT INTO orders (order_id, store_id) VALUES (1, 1), (2, 1)");
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            // a concurrent build that fails (duplicates) leaves its index behind, INVALID
            assertThatThrownBy(() -> st.execute("CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id)"))
                    .hasMessageContaining("could not create unique index");
        }
        KeySwapPlan plan = plan(db, "orders");
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.pending()).extracting(KeySwapStep::kind).containsSubsequence(
                KeySwapStep.Kind.DROP_INVALID_INDEX, KeySwapStep.Kind.CREATE_INDEX);
        KeySwapStep drop = plan.pending().stream().filter(s -> s.kind() == KeySwapStep.Kind.DROP_INVALID_INDEX).findFirst().orElseThrow();
        assertThat(drop.statements()).containsExactly("DROP INDEX CONCURRENTLY public.orders_tmp_idx");
        assertThat(drop.mode()).isEqualTo(KeySwapStep.Mode.CONCURRENT);
    }

    @Test
    void whatMustNotRunIsAProblem() throws SQLException {
        String db = "plan_problems";
        TestServer.freshDatabase(db);
        SwapDatabases.execute(db, TailspinSchema.DDL);
        // line_items has no store_id yet: orders' key cannot be swapped (its foreign key would be lost)
        assertThat(plan(db, "orders").problems()).containsExactly("foreign key line_items_order_id_fkey of line_items refers to orders "
                + "(order_id) but line_items has no column store_id: add and fill it there first");

        SwapDatabases.execute(db, "ALTER TABLE line_items ADD COLUMN store_id integer",
                "CREATE TABLE events (store_id bigint, what text)",
                "CREATE INDEX orders_tmp_idx ON orders (status)");
        KeySwapPlan plan = plan(db);
        assertThat(plan.tableNames()).containsExactly("orders", "products", "line_items");
        assertThat(plan.problems()).containsExactlyInAnyOrder(
                "table events has no primary key: swap-pk puts store_id in front of a primary key (name the tables to swap to leave it out)",
                "index orders_tmp_idx exists but is not a unique index on (store_id, order_id): drop or rename it and run swap-pk again",
                "line_items.store_id is integer but orders.store_id, the key it refers to, is bigint: make the types equal first",
                "line_items.store_id is integer but products.store_id, the key it refers to, is bigint: make the types equal first",
                "line_items.store_id is integer but stores.store_id, the key it refers to, is bigint: make the types equal first");
    }

    @Test
    void unknownTablesAndColumnsAreRefused() throws SQLException {
        String db = exerciseSchema("plan_unknown");
        assertThatThrownBy(() -> plan(db, "nosuch")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table \"nosuch\" does not exist");
        assertThatThrownBy(() -> plan(db, "no such")).hasMessage("table \"no such\" does not exist");
        try (Connection c = TestServer.connect(db)) {
            assertThatThrownBy(() -> KeySwapPlan.read(c, "tenant_id", List.of("orders")))
                    .hasMessage("column \"tenant_id\" of table orders does not exist");
            assertThatThrownBy(() -> KeySwapPlan.read(c, "tenant_id", List.of()))
                    .hasMessage("no table has a column \"tenant_id\" to put into its keys");
        }
    }

    @Test
    void namesThatNeedQuotingAndAnotherSchemaRunAsPlanned() throws SQLException {
        String db = "plan_quoted";
        TestServer.freshDatabase(db);
        SwapDatabases.execute(db, """
                CREATE SCHEMA shop;
                CREATE TABLE shop."Tenants" (tid bigint PRIMARY KEY);
                CREATE TABLE shop."Orders" ("Id" bigserial PRIMARY KEY, tid bigint REFERENCES shop."Tenants");
                CREATE TABLE shop.items (id bigserial PRIMARY KEY, "Order" bigint REFERENCES shop."Orders", tid bigint);
                INSERT INTO shop."Tenants" VALUES (1), (2);
                INSERT INTO shop."Orders" (tid) VALUES (1), (2);
                INSERT INTO shop.items ("Order", tid) VALUES (1, 1), (2, 2);
                """);
        try (Connection c = TestServer.connect(db)) {
            KeySwapPlan plan = KeySwapPlan.read(c, "tid", List.of("shop.items", "shop.\"Orders\""));
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.tableNames()).containsExactly("shop.\"Orders\"", "shop.items");
            assertThat(plan.tenant()).contains("shop.\"Tenants\"");
            KeySwapRunner runner = new KeySwapRunner(ShortLockTransaction.forLiveWrites(), new KeySwapRunner.Listener() { }, () -> false);
            runner.run(c, plan);
            assertThat(KeySwapPlan.read(c, "tid", List.of("shop.items", "shop.\"Orders\"")).pending()).isEmpty();
            TableKeys items = TableKeys.read(c, "shop.items").orElseThrow();
            assertThat(items.primaryKey().orElseThrow().columns()).containsExactly("tid", "id");
            assertThat(items.foreignKeys()).extracting(TableKeys.ForeignKey::name, TableKeys.ForeignKey::columns, TableKeys.ForeignKey::valid)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("items_Orders_fkey", List.of("tid", "Order"), true),
                            org.assertj.core.groups.Tuple.tuple("items_tid_fkey", List.of("tid"), true));
        } catch (KeySwapRunner.StepFailure e) {
            throw new AssertionError("step " + e.step().number() + ": " + e.getMessage(), e);
        }
    }

    @Test
    void createOrdersVersion1IsTheOneThatLeavesStoreIdOut() {
        String v1 = org.shardprep.workload.CreateOrdersFunction.source(1);
        String v2 = org.shardprep.workload.CreateOrdersFunction.source(2);
        assertThat(KeySwapPreconditions.insertsWithout(v1, "line_items", "store_id")).isTrue();
        assertThat(KeySwapPreconditions.insertsWithout(v2, "line_items", "store_id")).isFalse();
        assertThat(KeySwapPreconditions.insertsWithout(v1, "orders", "store_id")).isFalse();
        assertThat(KeySwapPreconditions.insertsWithout("insert into public.\"line_items\" (id, \"store_id\") values (1, 2)", "line_items", "store_id")).isFalse();
        assertThat(org.shardprep.migrate.backfill.BackfillJobs.isBackfill("SELECT backfill_batch(1000000);")).isTrue();
        assertThat(org.shardprep.migrate.backfill.BackfillJobs.isBackfill("SELECT create_orders(20000);")).isFalse();
    }

    @Test
    void identifiersAreQuotedAsQuoteIdentAndMadeUpNamesCutAs63Bytes() {
        assertThat(SqlIdentifier.quote("line_items")).isEqualTo("line_items");
        assertThat(SqlIdentifier.quote("Orders")).isEqualTo("\"Orders\"");
        assertThat(SqlIdentifier.quote("order")).isEqualTo("\"order\"");
        assertThat(SqlIdentifier.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(SqlIdentifier.truncate("x".repeat(70))).hasSize(63);
        assertThat(SqlIdentifier.truncate("é".repeat(40))).hasSize(31);   // 2 bytes each, never half a character
    }

    private static KeySwapStep step(KeySwapPlan plan, int number) {
        return plan.steps().get(number - 1);
    }
}
