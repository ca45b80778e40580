package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ExerciseTables;
import org.shardprep.migrate.ShortLockTransaction;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The background backfill against a real server: keyset batches, rows the application inserts meanwhile
 * (create_orders version 1, which leaves store_id NULL), locks held by other sessions, stop and resume.
 */
class BackfillRunnerTest {

    /** Short waits, so that the tests do not sit idle; the logic is the same as the defaults'. */
    private static BackfillRunner.Options options(int batch) {
        return new BackfillRunner.Options(batch, Duration.ZERO, Duration.ofMillis(20), Duration.ofMillis(50));
    }

    /** A runner on a connection of its own, prepared as backfill start prepares it (column added if missing). */
    private static final class Run implements BackfillRunner.Listener {
        final List<String> notices = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        final BackfillStart.Prepared prepared;
        final BackfillRunner runner;

        Run(String db, int batch, KeyPosition resumeAt) throws SQLException {
            Connection c = TestServer.connect(db);
            prepared = BackfillStart.prepare(c, BackfillSpec.EXERCISE, ShortLockTransaction.forLiveWrites(), notices::add);
            KeyPosition start = resumeAt != null ? resumeAt : KeyPosition.from(prepared.census().firstFillable());
            runner = new BackfillRunner(c, prepared.target(), options(batch), start, prepared.census(), prepared.maxKey(), prepared.quiet(), this);
            runner.start();
        }

        @Override public void notice(String line) { notices.add(line); }

        @Override public void ended(BackfillRunner r) { ended.countDown(); }

        BackfillRunner.Status awaitEnd() throws InterruptedException {
            assertThat(ended.await(60, TimeUnit.SECONDS)).as("the backfill ended").isTrue();
            return runner.status();
        }
    }

    private static void addColumn(String db) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE line_items ADD COLUMN store_id bigint");
        }
    }

    @Test
    void keysetBatchesFillEveryRowReadingEachKeyOnce() throws Exception {
        String db = "backfill_keyset";
        ExerciseTables.create(db, 1000);   // 2,000 line items
        Run run = new Run(db, 150, null);
        assertThat(run.prepared.columnAdded()).isTrue();
        assertThat(run.prepared.census().nulls()).isEqualTo(2000);
        BackfillRunner.Status s = run.awaitEnd();

        assertThat(s.state()).isEqualTo(BackfillRunner.State.DONE);
        assertThat(ExerciseTables.wrongOrMissing(db)).isZero();
        assertThat(s.progress().filled()).isEqualTo(2000);
        // 13 batches of 150 keys, one of 50, one that found nothing new: every key read once, no rescan
        assertThat(s.progress().scanned()).isEqualTo(2000);
        assertThat(s.progress().batches()).isEqualTo(15);
        assertThat(s.progress().censuses()).isEqualTo(1);
        assertThat(s.last().nulls()).isZero();
        assertThat(s.endMessage()).matches("backfill of line_items\\.store_id done: 2,000 rows filled in [0-9]+\\.[0-9] s "
                + "\\([0-9,]+ rows/s\\); no store_id is NULL \\(exact count\\)");
    }

    @Test
    void rowsAnInserterWritesDuringTheBackfillAreFilledToo() throws Exception {
        String db = "backfill_concurrent";
        ExerciseTables.create(db, 2000);   // 4,000 line items
        addColumn(db);   // as the exercise does: the row lock below would keep ALTER TABLE waiting
        try (Connection holder = TestServer.connect(db); Connection app = TestServer.connect(db)) {
            // another session keeps the last row locked: the batch that reaches it must give way and retry, so
            // the backfill cannot reach the end of the table before the inserter has finished
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM line_items WHERE line_item_id = 4000 FOR UPDATE");
            }
            // the application inserts orders whose line items have no store_id (create_orders version 1)
            // while the batches run, and goes on while the backfill waits for the lock
            CompletableFuture<Void> inserter = CompletableFuture.runAsync(() -> {
                try (Statement st = app.createStatement()) {
                    st.execute("SET statement_timeout = '60s'");   // a guard: blocked inserts fail the test, not hang it
                    for (int i = 0; i < 40; i++) st.execute("SELECT create_orders(5)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Run run = new Run(db, 100, null);
            inserter.get(60, TimeUnit.SECONDS);
            while (run.runner.progress().lockRetries() == 0) Thread.sleep(10);
            long inserted = ExerciseTables.count(db, "line_items WHERE line_item_id > 4000");
            assertThat(inserted).isBetween(200L, 600L);
            assertThat(run.runner.running()).as("held by the lock while the inserts went through").isTrue();
            assertThat(run.runner.progress().filled()).as("the batches before the locked row committed").isEqualTo(3900);

            holder.commit();
            BackfillRunner.Status s = run.awaitEnd();
            assertThat(s.state()).isEqualTo(BackfillRunner.State.DONE);
            assertThat(ExerciseTables.count(db, "line_items WHERE store_id IS NULL")).isZero();
            assertThat(ExerciseTables.wrongOrMissing(db)).isZero();
            assertThat(s.progress().filled()).isEqualTo(4000 + inserted);
            assertThat(s.progress().lockRetries()).isPositive();
        }
    }

    @Test
    void aRowCommittedBehindThePositionIsFoundByTheCountAndFilled() throws Exception {
        String db = "backfill_straggler";
        ExerciseTables.create(db, 500);   // 1,000 line items
        addColumn(db);
        String insert = "INSERT INTO line_items (line_item_id, product_id, order_id, quantity, line_amount) "
                + "SELECT i, 1, 10, 1, 2.50 FROM generate_series(%d, %d) i";
        try (Connection late = TestServer.connect(db); Connection app = TestServer.connect(db);
             Connection holder = TestServer.connect(db)) {
            // key 1001 is taken by a transaction that commits only after the keyset has passed it
            late.setAutoCommit(false);
            try (Statement st = late.createStatement()) {
                st.execute(String.format(insert, 1001, 1001));
            }
            try (Statement st = app.createStatement()) {
                st.execute(String.format(insert, 1002, 1150));
            }
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM line_items WHERE line_item_id = 1150 FOR UPDATE");
            }
            Run run = new Run(db, 100, null);
            while (run.runner.progress().lockRetries() == 0) Thread.sleep(10);
            assertThat(run.runner.position()).isEqualTo(KeyPosition.after(1101L));   // 1002..1101: past 1001 unseen
            late.commit();
            holder.commit();

            BackfillRunner.Status s = run.awaitEnd();
            assertThat(s.state()).isEqualTo(BackfillRunner.State.DONE);
            assertThat(ExerciseTables.count(db, "line_items WHERE store_id IS NULL")).isZero();
            assertThat(ExerciseTables.wrongOrMissing(db)).isZero();
            assertThat(s.progress().filled()).isEqualTo(1150);
            assertThat(s.progress().censuses()).as("one found key 1001, the last found nothing").isEqualTo(2);
            assertThat(s.progress().scanned()).as("back to 1001 once: its batch and the rest").isEqualTo(1149 + 150);
        }
    }

    @Test
    void stopEndsWithoutHalfABatchAndAStartFromThatPositionDoesNotBeginAgain() throws Exception {
        String db = "backfill_resume";
        ExerciseTables.create(db, 1000);   // 2,000 line items
        addColumn(db);
        BackfillRunner.Status stopped;
        try (Connection holder = TestServer.connect(db)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM line_items WHERE line_item_id = 650 FOR UPDATE");
            }
            Run first = new Run(db, 100, null);
            while (first.runner.progress().lockRetries() == 0) Thread.sleep(10);
            first.runner.stop();   // the batch 601..700 waits for the lock: it is rolled back whole, not half done
            stopped = first.awaitEnd();
            holder.rollback();
        }
        assertThat(stopped.state()).isEqualTo(BackfillRunner.State.STOPPED);
        assertThat(stopped.progress().filled()).isEqualTo(600);
        assertThat(stopped.position()).isEqualTo(KeyPosition.after(600L));
        assertThat(ExerciseTables.count(db, "line_items WHERE store_id IS NOT NULL")).isEqualTo(600);
        assertThat(ExerciseTables.count(db, "line_items WHERE store_id IS NOT NULL AND line_item_id > 600")).isZero();
        assertThat(stopped.endMessage()).isEqualTo("backfill of line_items.store_id stopped after 600 rows filled; "
                + "backfill start resumes at line_item_id > 600");

        Run second = new Run(db, 100, stopped.position());
        assertThat(second.prepared.census().nulls()).isEqualTo(1400);
        assertThat(second.prepared.census().firstFillable()).isEqualTo(601L);
        BackfillRunner.Status s = second.awaitEnd();
        assertThat(s.state()).isEqualTo(BackfillRunner.State.DONE);
        assertThat(s.progress().scanned()).as("keys read by the second run: only those after the position").isEqualTo(1400);
        assertThat(s.progress().filled()).isEqualTo(1400);
        assertThat(ExerciseTables.wrongOrMissing(db)).isZero();
    }

    @Test
    void aBatchThatFailsEndsTheRunWithWhatWasDoneAndGivesTheTableBack() throws Exception {
        String db = "backfill_fails";
        ExerciseTables.create(db, 500);   // 1,000 line items, orders of stores 1..10 in turn
        addColumn(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            // the first order of store 10 is order 9, with line items 17 and 18
            st.execute("ALTER TABLE line_items ADD CONSTRAINT small_store CHECK (store_id < 10) NOT VALID");
        }
        Run run = new Run(db, 10, null);
        BackfillRunner.Status s = run.awaitEnd();
        assertThat(s.state()).isEqualTo(BackfillRunner.State.FAILED);
        assertThat(s.progress().filled()).isEqualTo(10);   // the first batch, 1..10; the second rolled back whole
        assertThat(ExerciseTables.count(db, "line_items WHERE store_id IS NOT NULL")).isEqualTo(10);
        assertThat(s.endMessage()).isEqualTo("backfill of line_items.store_id failed: new row for relation \"line_items\" "
                + "violates check constraint \"small_store\" (Failing row contains (18, 10, 9, 1, 2.50, 10)); 10 rows filled before (each batch commits whole); "
                + "backfill start resumes at line_item_id > 10");
        try (Connection c = TestServer.connect(db)) {   // the advisory lock went with the run
            BackfillLock.acquire(c, s.target());
        }
    }

    @Test
    void addingTheColumnGivesWayToALongQueryAndDoesNotHoldUpInserts() throws Exception {
        String db = "backfill_add_column";
        ExerciseTables.create(db, 100);
        try (Connection reader = TestServer.connect(db); Connection starter = TestServer.connect(db);
             Connection app = TestServer.connect(db)) {
            // a long report holds its ACCESS SHARE lock: ALTER TABLE cannot have the table yet
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.execute("SELECT count(*) FROM line_items");
            }
            List<String> info = new CopyOnWriteArrayList<>();
            ShortLockTransaction ddl = new ShortLockTransaction(Duration.ofMillis(50), 1000, Duration.ofMillis(10), Duration.ofMillis(50));
            CompletableFuture<BackfillStart.Prepared> prepared = CompletableFuture.supplyAsync(() -> {
                try {
                    return BackfillStart.prepare(starter, BackfillSpec.EXERCISE, ddl, info::add);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (info.isEmpty()) Thread.sleep(10);
            assertThat(info).containsExactly("waiting for a lock on line_items to add store_id (another session holds one); "
                    + "retrying without holding up its writers");
            // an ALTER waiting in the lock queue would hold this insert until the report ends; giving way lets it through
            try (Statement st = app.createStatement()) {
                st.execute("SET statement_timeout = '60s'");   // a guard against hanging, not a measurement
                st.execute("SELECT create_orders(3)");
            }
            assertThat(prepared).isNotDone();
            assertThat(ExerciseTables.hasColumn(db, "line_items", "store_id")).isFalse();

            reader.commit();
            BackfillStart.Prepared p = prepared.get(60, TimeUnit.SECONDS);
            assertThat(p.columnAdded()).isTrue();
            assertThat(ExerciseTables.hasColumn(db, "line_items", "store_id")).isTrue();
            BackfillLock.release(starter, p.target());
        }
    }

    @Test
    void oneBackfillOfATableAtATimeAcrossSessions() throws Exception {
        String db = "backfill_one_at_a_time";
        ExerciseTables.create(db, 50);
        try (Connection first = TestServer.connect(db); Connection second = TestServer.connect(db)) {
            BackfillStart.Prepared p = BackfillStart.prepare(first, BackfillSpec.EXERCISE, ShortLockTransaction.forLiveWrites(), s -> { });
            int pid;
            try (Statement st = first.createStatement(); var rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            BackfillStart.prepare(second, BackfillSpec.EXERCISE, ShortLockTransaction.forLiveWrites(), s -> { }))
                    .hasMessage("another session is backfilling line_items (server process " + pid + ")");
            BackfillLock.release(first, p.target());
            BackfillStart.Prepared again = BackfillStart.prepare(second, BackfillSpec.EXERCISE, ShortLockTransaction.forLiveWrites(), s -> { });
            assertThat(again.columnAdded()).isFalse();
        }
    }
}
