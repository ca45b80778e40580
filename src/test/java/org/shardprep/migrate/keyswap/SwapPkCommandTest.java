package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.ShortLockTransaction;
import org.shardprep.migrate.SwapDatabases;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.command.CommandError;
import org.shardprep.workload.CreateOrdersFunction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shardprep.migrate.SwapDatabases.EXERCISE_ZIP;
import static org.shardprep.migrate.SwapDatabases.catalog;
import static org.shardprep.migrate.SwapDatabases.count;
import static org.shardprep.migrate.SwapDatabases.execute;
import static org.shardprep.migrate.SwapDatabases.filled;

/**
 * swap-pk run on a real Session and server, loaded with the exercise-sized data set: the end state is the
 * exercise's own, whatever step a run stopped at; refusals change nothing; writes go on during the swap.
 */
class SwapPkCommandTest {

    /** The catalog after the exercise's SQL as written, on the same data. */
    private static List<String> exercise;

    @BeforeAll
    static void exercisePath() throws Exception {
        String db = filled("swap_reference", EXERCISE_ZIP);
        SwapDatabases.exercisePath(db);
        exercise = catalog(db);
        assertThat(exercise).contains("line_items|line_items_store_id_fkey|f|FOREIGN KEY (store_id) REFERENCES stores(store_id)|t|",
                "orders|orders_pkey|CREATE UNIQUE INDEX orders_pkey ON public.orders USING btree (store_id, order_id)|",
                "line_items|store_id|t|");
    }

    private static void run(SwapDatabases.TestSession s, String... tables) {
        new SwapPkCommand(s.session).run(tables, "store_id", false, 200, false);
    }

    @Test
    void endsInTheExercisesEndState() throws Exception {
        String db = filled("swap_ours", EXERCISE_ZIP);
        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
            assertThat(s.out()).startsWith("swap-pk run for store_id on orders, products, line_items (tenant table stores): "
                            + "22 of 26 steps to do; lock_timeout 200 ms, retried with backoff\n"
                            + "[1/26] orders: NOT NULL check on store_id, NOT VALID\n[1/26] done in ")
                    .contains("[6/26] orders: primary key onto orders_tmp_idx, line_items_order_id_fkey re-pointed\n",
                            "[26/26] line_items: validate line_items_store_id_fkey\n",
                            "Primary keys orders (store_id, order_id), products (store_id, product_id), line_items (store_id, line_item_id); "
                                    + "store_id NOT NULL and every foreign key on it validated.\n")
                    .endsWith("Run check-distribution for the full readiness report.\n")
                    .doesNotContain("[8/26]");   // done before the run: not run again
            assertThat(s.err()).isEmpty();
        }
        assertThat(catalog(db)).isEqualTo(exercise);

        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
            assertThat(s.out()).startsWith("Nothing to do: all 26 steps are done.\n");
        }
        assertThat(catalog(db)).isEqualTo(exercise);
    }

    @Test
    void aRunStoppedAfterAnyStepIsFinishedByTheNextOne() throws Exception {
        List<KeySwapStep> pending;
        try (Connection c = TestServer.connect(filled("swap_resume", EXERCISE_ZIP))) {
            pending = KeySwapPlan.read(c, "store_id", List.of()).pending();
        }
        assertThat(pending).hasSize(22);
        KeySwapRunner runner = new KeySwapRunner(ShortLockTransaction.forLiveWrites(), new KeySwapRunner.Listener() { }, () -> false);
        for (int k = 1; k < pending.size(); k++) {
            String db = filled("swap_resume", EXERCISE_ZIP);
            try (Connection c = TestServer.connect(db)) {
                for (KeySwapStep step : pending.subList(0, k)) runner.execute(c, step);   // then the process "dies"
            }
            try (var s = new SwapDatabases.TestSession(db)) {
                run(s);
                KeySwapStep next = pending.get(k);
                assertThat(s.out()).as("after %d steps", k).contains((22 - k) + " of 26 steps to do")
                        .contains("\n[" + next.number() + "/26] " + next.table() + ": " + next.title() + "\n");
            }
            assertThat(catalog(db)).as("after %d steps", k).isEqualTo(exercise);
        }
    }

    @Test
    void anIndexLeftInvalidByAFailedBuildIsDroppedAndBuiltAgain() throws Exception {
        String db = filled("swap_invalid", EXERCISE_ZIP);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            // duplicates: the concurrent build fails and leaves orders_tmp_idx behind, INVALID
            assertThatThrownBy(() -> st.execute("CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id)"))
                    .hasMessageContaining("could not create unique index \"orders_tmp_idx\"");
        }
        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
            assertThat(s.out()).contains("orders: drop the invalid index orders_tmp_idx\n", "orders: unique index on (store_id, order_id)\n");
        }
        assertThat(catalog(db)).isEqualTo(exercise);
    }

    @Test
    void ctrlCDuringAConcurrentBuildStopsCleanlyAndTheNextRunFinishes() throws Exception {
        String db = filled("swap_cancel_index", EXERCISE_ZIP);
        try (Connection holder = TestServer.connect(db); var s = new SwapDatabases.TestSession(db)) {
            // an old snapshot: CREATE INDEX CONCURRENTLY waits for it before the index becomes valid
            holder.setAutoCommit(false);
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT 1");
            }
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> failure(() -> run(s)));
            waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
            s.session.interrupt();
            Throwable t = running.get(30, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(CommandError.class).hasMessage("stopped at step 5 of 26 (orders: unique index on (store_id, order_id)); "
                    + "the steps before it are done, it may leave an invalid index, which the next run drops and builds again; "
                    + "swap-pk run again finishes the job");
            holder.rollback();
        }
        assertThat(count(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'orders_tmp_idx'::regclass AND NOT indisvalid")).isEqualTo(1);
        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
            assertThat(s.out()).contains("orders: drop the invalid index orders_tmp_idx\n");
        }
        assertThat(catalog(db)).isEqualTo(exercise);
    }

    @Test
    void ctrlCWhileWaitingForALockStopsBetweenRetries() throws Exception {
        String db = filled("swap_cancel_lock", EXERCISE_ZIP);
        List<String> before = catalog(db);
        try (Connection holder = TestServer.connect(db); var s = new SwapDatabases.TestSession(db)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE orders IN ACCESS SHARE MODE");   // a long reader: step 1 cannot get its lock
            }
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> failure(() -> run(s)));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!s.out().contains("waited for a lock, retry 2 in 100 ms") && System.currentTimeMillis() < deadline) Thread.sleep(20);
            s.session.interrupt();
            Throwable t = running.get(30, TimeUnit.SECONDS);
            assertThat(t).isInstanceOf(CommandError.class).hasMessage("stopped at step 1 of 26 (orders: NOT NULL check on store_id, NOT VALID); "
                    + "the steps before it are done, its transaction was rolled back; swap-pk run again finishes the job");
            assertThat(s.out()).contains("      waited for a lock, retry 1 in 50 ms\n      waited for a lock, retry 2 in 100 ms\n");
            holder.rollback();
        }
        assertThat(catalog(db)).isEqualTo(before);
        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
        }
        assertThat(catalog(db)).isEqualTo(exercise);
    }

    /**
     * Kill Bill needs 18 unique indexes widened beside its primary keys: swap-pk run (primary keys only) would leave it
     * half-way, so it refuses, naming them from the schema's plan, and sends the user to prepare run; nothing changes.
     */
    @Test
    void aSchemaThatNeedsMoreThanPrimaryKeysIsSentToPrepareRun() throws Exception {
        String db = "swap_killbill";
        org.shardprep.prepare.RealWorldSchemas.killbill(db);
        List<String> before = catalog(db);
        try (var s = new SwapDatabases.TestSession(db)) {
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(null, "tenant_record_id", false, 200, false))
                    .isInstanceOf(CommandError.class)
                    .hasMessageStartingWith("swap-pk run swaps primary keys and the foreign keys onto them; this schema's plan also needs "
                            + "unique index account_email_id of account_emails, unique index accounts_id of accounts, ")
                    .hasMessageEndingWith(": prepare run --column tenant_record_id does all of it (prepare plan shows it); nothing was changed");
        }
        assertThat(catalog(db)).isEqualTo(before);
    }

    @Test
    void refusalsComeBeforeAnyChange() throws Exception {
        String db = filled("swap_refuse", EXERCISE_ZIP);
        execute(db, "UPDATE line_items SET store_id = NULL WHERE line_item_id IN (1, 2, 3)");
        List<String> before = catalog(db);
        try (var s = new SwapDatabases.TestSession(db)) {
            assertRefused(s, "store_id is still NULL in 3 rows of line_items: run backfill start and let it finish, then swap-pk run again");
            execute(db, "UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE li.order_id = o.order_id AND li.store_id IS NULL");

            s.session.background().register("backfill (backfill start)", () -> { });
            assertRefused(s, "a backfill is running (backfill (backfill start)): let it finish, then run swap-pk again");
            s.session.background().unregister("backfill (backfill start)");

            s.session.execute("BEGIN");
            assertRefused(s, "this session is inside a transaction, whose locks would hold the swap up: COMMIT or ROLLBACK first");
            s.session.execute("ROLLBACK");

            try (Connection c = TestServer.connect(db)) {
                CreateOrdersFunction.install(c, 1);
            }
            assertRefused(s, "create_orders() inserts into line_items without store_id: once the column is NOT NULL every call fails "
                    + "with null value in column \"store_id\" of relation \"line_items\" violates not-null constraint; install the version "
                    + "that writes it (simulate-orders install --version 2), or add --force");

            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(new String[] {"orders", "nosuch"}, "store_id", false, 200, false))
                    .isInstanceOf(CommandError.class).hasMessage("table \"nosuch\" does not exist");
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(new String[] {"stores"}, "tenant_id", false, 200, false))
                    .hasMessage("column \"tenant_id\" of table stores does not exist");
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(null, "store_id", false, 0, false))
                    .hasMessage("--lock-timeout must be at least 1 (milliseconds)");
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(new String[] {"orders"}, "store_id", false, 200, true))
                    .hasMessageStartingWith("--as-exercise runs the exercise's SQL as written");
        }
        assertThat(catalog(db)).isEqualTo(before);

        try (var s = new SwapDatabases.TestSession(db)) {   // --force: the user knows the application will change
            new SwapPkCommand(s.session).run(null, "store_id", true, 200, false);
        }
        assertThat(catalog(db)).isEqualTo(exercise);
        assertThatThrownBy(() -> execute(db, "SELECT create_orders(10)"))
                .hasMessageContaining("null value in column \"store_id\" of relation \"line_items\" violates not-null constraint");
    }

    @Test
    void aPlanThatMustNotRunIsRefused() throws Exception {
        String db = filled("swap_refuse_plan", EXERCISE_ZIP);
        execute(db, "CREATE TABLE events (store_id bigint, what text)", "CREATE INDEX orders_tmp_idx ON orders (status)");
        List<String> before = catalog(db);
        try (var s = new SwapDatabases.TestSession(db)) {
            assertRefused(s, "table events has no primary key: swap-pk puts store_id in front of a primary key "
                    + "(name the tables to swap to leave it out) (and 1 more: swap-pk plan lists them)");
        }
        assertThat(catalog(db)).isEqualTo(before);
    }

    @Test
    void writesGoOnDuringTheSwap() throws Exception {
        String db = filled("swap_live", SwapDatabases.SAMPLE_DIR);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            try (Connection c = TestServer.connect(db)) {
                insertOrders(c, stop, written, errors);
            } catch (SQLException e) {
                errors.add(e);
            }
        }, "order-writer");
        writer.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (written.get() < 20 && System.currentTimeMillis() < deadline) Thread.sleep(10);
        long atStart = written.get();
        try (var s = new SwapDatabases.TestSession(db)) {
            run(s);
        } finally {
            long duringRun = written.get() - atStart;
            stop.set(true);
            writer.join(30_000);
            assertThat(errors).isEmpty();
            assertThat(duringRun).as("orders written while the swap ran").isPositive();
        }
        assertThat(count(db, "SELECT count(*) FROM line_items WHERE store_id IS NULL")).isZero();
        try (Connection c = TestServer.connect(db)) {
            assertThat(KeySwapPlan.read(c, "store_id", List.of()).pending()).isEmpty();
        }
    }

    /** The application's write: an order and a line item (with store_id) in one transaction, again and again. */
    private static void insertOrders(Connection c, AtomicBoolean stop, AtomicLong written, List<Throwable> errors) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement order = c.prepareStatement("INSERT INTO orders (store_id, status, billing_address, ordered_at) "
                + "VALUES (?, 'Pending', '123 Main St.', now()::date) RETURNING order_id");
             PreparedStatement product = c.prepareStatement("SELECT product_id, price FROM products WHERE store_id = ? ORDER BY product_id LIMIT 1");
             PreparedStatement item = c.prepareStatement("INSERT INTO line_items (product_id, order_id, quantity, line_amount, store_id) "
                     + "VALUES (?, ?, 1, ?, ?)")) {
            while (!stop.get()) {
                long store = ThreadLocalRandom.current().nextLong(1, 6);
                try {
                    order.setLong(1, store);
                    long orderId;
                    try (ResultSet rs = order.executeQuery()) {
                        rs.next();
                        orderId = rs.getLong(1);
                    }
                    product.setLong(1, store);
                    try (ResultSet rs = product.executeQuery()) {
                        rs.next();
                        item.setLong(1, rs.getLong(1));
                        item.setLong(2, orderId);
                        item.setBigDecimal(3, rs.getBigDecimal(2));
                        item.setLong(4, store);
                    }
                    item.executeUpdate();
                    c.commit();
                    written.incrementAndGet();
                } catch (SQLException e) {
                    errors.add(e);
                    c.rollback();
                }
            }
        }
    }

    @Test
    void asExerciseRunsTheExercisesStatementsAsWritten() throws Exception {
        String db = filled("swap_as_exercise", EXERCISE_ZIP);
        try (var s = new SwapDatabases.TestSession(db)) {
            new SwapPkCommand(s.session).run(null, "store_id", false, 200, true);
            assertThat(s.out()).startsWith("The exercise's key swap as written, 6 steps; writes to the tables wait while a step holds its locks.\n"
                            + "[1/6] CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id, order_id)\nCREATE INDEX\n[1/6] ")
                    .contains("[4/6] BEGIN ... COMMIT: the primary key of orders\nBEGIN\nALTER TABLE\nALTER TABLE\nCOMMIT\n[4/6] ",
                            "[6/6] BEGIN ... COMMIT: the primary key of line_items\n")
                    .containsPattern("The exercise's key swap took [0-9.]+ s\\.\n$");
            // the server's notices, as psql shows them
            assertThat(s.err()).contains("NOTICE:  ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index \"orders_tmp_idx\" to \"orders_pkey\"");
            assertThat(catalog(db)).isEqualTo(exercise);

            // as written it is not idempotent: a second run builds and swaps again, then fails on the new foreign key
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(null, "store_id", false, 200, true))
                    .isInstanceOf(CommandError.class).hasMessage("the exercise's step 6 of 6 failed; its transaction was rolled back");
            assertThat(s.err()).contains("ERROR:  constraint \"line_items_store_id_fkey\" for relation \"line_items\" already exists");
        }
    }

    @Test
    void asExerciseStopsAtTheFirstErrorAndRollsItsTransactionBack() throws Exception {
        String db = filled("swap_as_exercise_fail", EXERCISE_ZIP);
        execute(db, "UPDATE line_items SET store_id = NULL WHERE line_item_id = 7");
        try (var s = new SwapDatabases.TestSession(db)) {
            assertThatThrownBy(() -> new SwapPkCommand(s.session).run(null, "store_id", false, 200, true))
                    .isInstanceOf(CommandError.class).hasMessage("the exercise's step 6 of 6 failed; its transaction was rolled back");
            assertThat(s.err()).contains("ERROR:  column \"store_id\" of relation \"line_items\" contains null values");
            assertThat(s.out()).endsWith("ROLLBACK\n");
            assertThat(s.session.connection().transactionState()).isEqualTo(org.shardprep.sql.TransactionState.IDLE);
        }
        assertThat(count(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'line_items_store_id_fkey'")).isZero();
    }

    @Test
    void planShowsWhatIsDoneAndWhatRunWouldRefuse() throws Exception {
        String db = filled("swap_plan_output", EXERCISE_ZIP);
        execute(db, "ALTER TABLE orders ADD CONSTRAINT orders_store_id_not_null_check CHECK (store_id IS NOT NULL) NOT VALID",
                "UPDATE line_items SET store_id = NULL WHERE line_item_id = 1");
        try (var s = new SwapDatabases.TestSession(db)) {
            new SwapPkCommand(s.session).plan(new String[0], "store_id");
            assertThat(s.out()).startsWith("""
                    swap-pk plan for store_id on orders, products, line_items (tenant table stores): 21 of 26 steps to do

                    orders: primary key (order_id) -> (store_id, order_id)
                       1. done: NOT NULL check on store_id, NOT VALID
                       2. validate orders_store_id_not_null_check
                          why: scans orders under SHARE UPDATE EXCLUSIVE: inserts and updates go on
                          ALTER TABLE orders VALIDATE CONSTRAINT orders_store_id_not_null_check;
                    """).contains("""
                       6. primary key onto orders_tmp_idx, line_items_order_id_fkey re-pointed
                          why: one short transaction, no scan; the foreign keys come back NOT VALID: new rows are checked at once, old ones next
                          BEGIN;
                          LOCK TABLE orders, line_items IN ACCESS EXCLUSIVE MODE;
                    """, "   8. done: foreign key (store_id) to stores, NOT VALID\n")
                    .endsWith("\nswap-pk run would refuse now: store_id is still NULL in 1 row of line_items: "
                            + "run backfill start and let it finish, then swap-pk run again\n");
        }
    }

    @Test
    void tablesAreFoundOnTheSessionsSearchPath() throws Exception {
        String db = "swap_search_path";
        TestServer.freshDatabase(db);
        execute(db, "CREATE SCHEMA tenant_a", "SET search_path = tenant_a", org.shardprep.dataset.TailspinSchema.DDL,
                "ALTER TABLE line_items ADD COLUMN store_id bigint");
        try (var s = new SwapDatabases.TestSession(db)) {
            assertThatThrownBy(() -> run(s)).hasMessage("no table has a column \"store_id\" to put into its keys");
            s.session.execute("SET search_path = tenant_a");
            run(s);
            assertThat(s.out()).contains("[26/26] line_items: validate line_items_store_id_fkey");
        }
        assertThat(count(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'line_items_store_id_fkey' "
                + "AND connamespace = 'tenant_a'::regnamespace AND convalidated")).isEqualTo(1);
    }

    private static void assertRefused(SwapDatabases.TestSession s, String message) {
        assertThatThrownBy(() -> run(s)).isInstanceOf(CommandError.class).hasMessage(message);
    }

    private static Throwable failure(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void waitFor(String db, String countQuery) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(db, countQuery) == 0) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("never true: " + countQuery);
            Thread.sleep(20);
        }
    }
}
