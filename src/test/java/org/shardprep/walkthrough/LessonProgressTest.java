package org.shardprep.walkthrough;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;
import org.shardprep.schedule.JobStore;
import org.shardprep.schedule.Scheduler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checklist and the resume point against real databases taken through the exercise's states with the
 * exercise's own SQL, and the state rules on their own.
 */
class LessonProgressTest {

    private static final Lesson LESSON = Lesson.forScale(ExerciseStates.SCALE);

    @TempDir Path home;
    private Scheduler scheduler;   // a real scheduler; its jobs are paused, so nothing runs behind the test's back

    @BeforeEach
    void scheduler() {
        scheduler = new Scheduler(new JobStore(home.resolve("jobs.json")), () -> null, new Scheduler.Listener() { });
    }

    @AfterEach
    void stop() {
        scheduler.stop(Duration.ofSeconds(1));
    }

    private void schedule(String name) {
        scheduler.schedule(name, "*/1 * * * *", "SELECT create_orders(200);");
        scheduler.setActive(name, false);
    }

    private LessonProgress progress(Connection c) throws SQLException {
        return LessonProgress.read(LESSON, new LessonDatabase(c, name -> scheduler.find(name) != null));
    }

    /** The progress, which on the exercise's own path never finds a step broken. */
    private LessonProgress unbroken(Connection c) throws SQLException {
        LessonProgress p = progress(c);
        assertThat(p.broken()).as("%s", p.steps()).isNull();
        return p;
    }

    private static List<LessonProgress.State> states(LessonProgress p) {
        return p.steps().stream().map(LessonProgress.StepStatus::state).toList();
    }

    private static String next(LessonProgress p) {
        return p.complete() ? "(complete)" : p.steps().get(p.resumeAt()).step().id();
    }

    @Test
    void followsTheExerciseStateByState() throws Exception {
        try (Connection c = ExerciseStates.fresh("walk_states")) {
            LessonProgress empty = unbroken(c);
            assertThat(next(empty)).isEqualTo("load");
            assertThat(empty.steps().get(0).verdict().explanation()).isEqualTo(
                    "table stores does not exist: load-all --scale 0.01 --fresh --yes creates the four tables and loads them");
            assertThat(empty.broken()).isNull();

            ExerciseStates.load(c);
            LessonProgress loaded = unbroken(c);
            assertThat(next(loaded)).isEqualTo("pg-cron");
            assertThat(loaded.steps().get(0).verdict().shows()).isEqualTo("stores 5, products 100, orders 19997, line_items 40030");

            ExerciseStates.installCreateOrders(c, 1);
            ExerciseStates.execute(c, "SELECT create_orders(200)");
            assertThat(next(unbroken(c))).isEqualTo("schedule");   // the pg_cron look before it leaves nothing: done with it

            schedule(Lesson.ORDER_JOB);
            assertThat(next(unbroken(c))).isEqualTo("backfill");

            ExerciseStates.addAndFillStoreId(c);
            LessonProgress filled = unbroken(c);
            assertThat(next(filled)).as("tables loaded and store_id filled: on with the function").isEqualTo("update-function");
            assertThat(filled.broken()).isNull();
            assertThat(states(filled).subList(4, 8)).containsExactly(LessonProgress.State.DONE, LessonProgress.State.NEXT,
                    LessonProgress.State.PENDING, LessonProgress.State.PENDING);
            assertThat(filled.steps().get(6).verdict().shows()).startsWith("no line item has store_id NULL now, but new ones will: "
                    + "create_orders writes line items without their order's store_id");
            assertThat(filled.steps().get(5).verdict().explanation()).isEqualTo(
                    "create_orders writes line items without their order's store_id (" + lineItemsOfTrial(filled) + " in a trial order): "
                            + "simulate-orders install --version 2 puts in the version that writes it");

            ExerciseStates.installCreateOrders(c, 2);
            LessonProgress verified = unbroken(c);
            assertThat(next(verified)).as("NULLs 0 and the function writes store_id: verified").isEqualTo("swap-keys");
            assertThat(states(verified).subList(0, 8)).containsExactly(LessonProgress.State.DONE, LessonProgress.State.DONE,
                    LessonProgress.State.DONE, LessonProgress.State.DONE, LessonProgress.State.DONE, LessonProgress.State.DONE,
                    LessonProgress.State.DONE, LessonProgress.State.NEXT);

            ExerciseStates.swapKeysAsExercise(c);
            LessonProgress swapped = unbroken(c);
            assertThat(next(swapped)).isEqualTo("time-after");
            assertThat(swapped.steps().get(9).verdict().passed()).as(swapped.steps().get(9).verdict().shows()).isTrue();

            scheduler.unschedule(Lesson.ORDER_JOB);
            LessonProgress done = unbroken(c);
            assertThat(done.complete()).isTrue();
            assertThat(states(done)).containsOnly(LessonProgress.State.DONE);
            assertThat(done.steps().get(3).verdict().shows()).isEqualTo("job create_orders ran until the keys were swapped");
        }
    }

    /** "1 of 1" etc.: the trial order's line items, from the verdict itself (1 to 3 of them). */
    private static String lineItemsOfTrial(LessonProgress p) {
        String shows = p.steps().get(5).verdict().shows();
        return shows.substring(shows.indexOf('(') + 1, shows.indexOf(" in a trial order)"));
    }

    @Test
    void aBackfillThatEndedWithItsShellIsStartedAgainNotBroken() throws Exception {
        try (Connection c = ExerciseStates.fresh("walk_redo"); Connection other = TestServer.connect("walk_redo")) {
            ExerciseStates.load(c);
            ExerciseStates.installCreateOrders(c, 1);
            schedule(Lesson.ORDER_JOB);
            ExerciseStates.execute(c, "ALTER TABLE line_items ADD COLUMN store_id bigint");
            ExerciseStates.execute(c, "UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE o.order_id = li.order_id AND li.line_item_id <= 20000");
            ExerciseStates.installCreateOrders(c, 2);

            LessonProgress stopped = progress(c);
            assertThat(next(stopped)).isEqualTo("backfill");
            assertThat(stopped.broken()).isNull();
            assertThat(stopped.steps().get(4).verdict().explanation()).isEqualTo("line_items has 20030 rows with store_id NULL and no backfill "
                    + "is running (a backfill ends with the shell that started it): backfill start carries on with the rows left");
            assertThat(stopped.steps().get(5).state()).isEqualTo(LessonProgress.State.DONE);

            // shardprep's backfill holds its advisory lock while it runs: then the step is under way, not to redo
            ExerciseStates.execute(other, "SELECT pg_advisory_lock((x'53504246'::bigint << 32) | 'line_items'::regclass::oid::bigint)");
            LessonProgress running = progress(c);
            assertThat(running.steps().get(4).verdict().shows()).isEqualTo("a backfill is running: 20030 rows of line_items have store_id NULL");
            assertThat(next(running)).isEqualTo("verify-backfill");
            assertThat(running.steps().get(6).verdict().explanation()).isEqualTo(
                    "line_items has 20030 rows with store_id NULL: the backfill has not finished; backfill-status --watch follows it to the end");
        }
    }

    @Test
    void aLostOrderJobIsScheduledAgain() throws Exception {
        try (Connection c = ExerciseStates.fresh("walk_job")) {
            ExerciseStates.load(c);
            ExerciseStates.installCreateOrders(c, 1);
            ExerciseStates.addAndFillStoreId(c);
            ExerciseStates.installCreateOrders(c, 2);
            LessonProgress p = progress(c);   // no job: the shell that ran it is gone, and its job file with it
            assertThat(next(p)).isEqualTo("schedule");
            assertThat(p.broken()).isNull();
            assertThat(p.steps().get(3).verdict().fix()).startsWith("the lesson keeps an order load running while the tables change; "
                    + "SELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT create_orders(200);');");
        }
    }

    @Test
    void stateThatWentBackBehindLaterStepsIsBroken() throws Exception {
        try (Connection c = ExerciseStates.fresh("walk_broken")) {
            ExerciseStates.load(c);
            ExerciseStates.installCreateOrders(c, 1);
            schedule(Lesson.ORDER_JOB);
            ExerciseStates.addAndFillStoreId(c);
            ExerciseStates.installCreateOrders(c, 2);
            ExerciseStates.execute(c, "DELETE FROM line_items WHERE store_id = 4");
            ExerciseStates.execute(c, "DELETE FROM orders WHERE store_id = 4");
            ExerciseStates.execute(c, "DELETE FROM products WHERE store_id = 4");
            ExerciseStates.execute(c, "DELETE FROM stores WHERE store_id = 4");
            LessonProgress p = progress(c);
            assertThat(p.broken()).isNotNull();
            assertThat(p.broken().step().id()).isEqualTo("load");
            assertThat(p.broken().verdict().explanation()).startsWith("stores has 4 rows, the data set at scale 0.01 has 5; products has ")
                    .endsWith(": the tables hold other data; load-all --scale 0.01 --fresh --yes loads the data set again "
                            + "(walkthrough --from load starts the lesson over with it)");

            ExerciseStates.execute(c, "DROP FUNCTION create_orders(int)");
            try (Connection d = ExerciseStates.fresh("walk_broken_fn")) {
                ExerciseStates.load(d);
                ExerciseStates.addAndFillStoreId(d);   // the column is there, but create_orders is not
                LessonProgress noFunction = progress(d);
                assertThat(noFunction.broken().step().id()).isEqualTo("time-before");
                assertThat(noFunction.broken().verdict().explanation()).isEqualTo("create_orders(integer) does not exist: "
                        + "simulate-orders install creates it (version 1 before line_items has store_id, version 2 after)");
            }
        }
    }

    @Test
    void readinessNamesWhatIsMissing() throws Exception {
        try (Connection c = ExerciseStates.fresh("walk_ready")) {
            ExerciseStates.load(c);
            Verdict v = DistributionKeys.ready().check(new LessonDatabase(c, name -> false));
            assertThat(v.passed()).isFalse();
            assertThat(v.shows()).isEqualTo("not ready for distribution by store_id: products' unique primary key (product_id) lacks store_id; "
                    + "orders' unique primary key (order_id) lacks store_id; and 1 more");
        }
    }

    // ---- the rules on their own, over the lesson's real steps

    private static LessonProgress ofPassing(boolean... passed) {
        List<Verdict> verdicts = new ArrayList<>();
        for (boolean p : passed) verdicts.add(p ? Verdict.ok("ok") : Verdict.failed("no", "fix"));
        return LessonProgress.of(LESSON.steps(), verdicts);
    }

    private static boolean[] upTo(int n, boolean... rest) {
        boolean[] all = new boolean[LESSON.steps().size()];
        for (int i = 0; i < n; i++) all[i] = true;
        for (int i = 0; i < rest.length; i++) all[n + i] = rest[i];
        return all;
    }

    @Test
    void stepsThatLeaveNoTraceAreDoneWhenALaterStepIs() {
        // 1 load passes, 2 pg-cron passes (always), 3 time-before fails
        LessonProgress p = ofPassing(upTo(2));
        assertThat(next(p)).isEqualTo("pg-cron");
        assertThat(states(p).subList(0, 3)).containsExactly(LessonProgress.State.DONE, LessonProgress.State.NEXT, LessonProgress.State.PENDING);

        // through swap-keys (8): time-after (9) and check-distribution (10) pass, but only a later trace makes them done
        LessonProgress swapped = ofPassing(upTo(10, false));
        assertThat(next(swapped)).isEqualTo("time-after");
        assertThat(states(swapped).subList(8, 11)).containsExactly(LessonProgress.State.NEXT, LessonProgress.State.PENDING, LessonProgress.State.PENDING);
    }

    @Test
    void aFailingLastingStepBeforeAPassingOneIsBrokenAndABackgroundOneIsNext() {
        boolean[] loadGone = upTo(11);
        loadGone[0] = false;
        LessonProgress broken = ofPassing(loadGone);
        assertThat(broken.broken().step().id()).isEqualTo("load");
        assertThat(broken.complete()).isFalse();

        boolean[] backfillStopped = upTo(6, false, false, false, false, false);
        backfillStopped[4] = false;   // backfill (background) fails, update-function (6) passes
        LessonProgress redo = ofPassing(backfillStopped);
        assertThat(redo.broken()).isNull();
        assertThat(next(redo)).isEqualTo("backfill");
        assertThat(redo.steps().get(5).state()).isEqualTo(LessonProgress.State.DONE);
    }

    @Test
    void everythingPassingIsComplete() {
        boolean[] all = new boolean[LESSON.steps().size()];
        java.util.Arrays.fill(all, true);
        LessonProgress p = ofPassing(all);
        assertThat(p.complete()).isTrue();
        assertThat(p.resumeAt()).isEqualTo(11);
        assertThat(Collections.frequency(states(p), LessonProgress.State.DONE)).isEqualTo(11);
    }

    @Test
    void ordersScaleDownWithTheDataButNotBelow200() {
        assertThat(Lesson.ordersFor(1)).isEqualTo(20000);
        assertThat(Lesson.ordersFor(0.1)).isEqualTo(2000);
        assertThat(Lesson.ordersFor(0.01)).isEqualTo(200);
        assertThat(Lesson.ordersFor(0.001)).isEqualTo(200);
        assertThat(Lesson.forScale(0.01).steps().get(2).commands()).containsExactly(
                "simulate-orders install --version 1", "\\timing on", "SELECT create_orders(200);", "timing label before");
        assertThat(LESSON.ids()).containsExactly("load", "pg-cron", "time-before", "schedule", "backfill", "update-function",
                "verify-backfill", "swap-keys", "time-after", "check-distribution", "unschedule");
    }
}
