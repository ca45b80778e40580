package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.QueryRows;
import org.shardprep.TestServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * walkthrough through the built jar on fresh databases: the whole lesson with --auto, a lesson interrupted after
 * the backfill and resumed from what the database shows, a broken state, and the prompt at a terminal.
 */
class WalkthroughIT {

    @TempDir Path home;

    private JarRun.Result shardprep(String db, String... commands) {
        List<String> cmd = new ArrayList<>(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString()));
        for (String c : commands) cmd.addAll(List.of("-c", c));
        cmd.add(TestServer.conninfo(db));
        return JarRun.run(cmd, null, Map.of("HOME", home.toString()));
    }

    @Test
    void autoRunsTheWholeLessonWithEveryCheckpointGreen() throws Exception {
        String db = "walk_auto";
        TestServer.freshDatabase(db);
        JarRun.Result r = shardprep(db, "walkthrough --auto --scale 0.01");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(count(r.out(), "(?m)^Checkpoint passed: ")).as(r.out()).isEqualTo(11);
        assertThat(r.out()).contains("Step 1 of 11: Create the tables and load the data", db + "=# load-all --scale 0.01 --fresh --yes",
                "Checkpoint passed: stores 5, products 100, orders 19997, line_items 40030.",
                db + "=# SELECT create_orders(200);", "is \"before\".", db + "=# backfill start --table line_items --column store_id --from orders --on order_id",
                db + "=# swap-pk run", "Checkpoint passed: primary keys (store_id, product_id), (store_id, order_id), (store_id, line_item_id)",
                "Checkpoint passed: stores, products, orders and line_items can be distributed by store_id.",
                "Summary (scale 0.01, 200 orders a call)", "create_orders(200) before and after the key swap:");
        assertThat(r.out()).containsPattern("(?m)^ before \\| SELECT create_orders\\(200\\); \\| +\\d+\\.\\d{3} \\| #+$");
        assertThat(r.out()).containsPattern("(?m)^ after  \\| SELECT create_orders\\(200\\); \\| +\\d+\\.\\d{3} \\| #+$");
        // at 0.01 the two times differ by chance: no ratio (once "after took 2.50x the time of before"), but why
        assertThat(r.out()).doesNotContainPattern("after took .* before\\.")
                .contains("At scale 0.01 the tables are too small for the keys to change create_orders' time, so the two times "
                        + "differ by chance; the before-and-after comparison needs the full-size data: walkthrough --from load "
                        + "--scale 0.5 (or more) shows it.");
        assertThat(r.err()).doesNotContain("Exception");

        assertThat(QueryRows.count(db, "line_items WHERE store_id IS NULL")).isZero();
        assertThat(QueryRows.of(db, "SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, ord) "
                + "JOIN pg_attribute a ON a.attnum = k.attnum WHERE i.indisprimary AND i.indrelid = 'line_items'::regclass "
                + "AND a.attrelid = 'line_items'::regclass")).containsExactly("store_id,line_item_id|");
        JarRun.Result status = shardprep(db, "walkthrough status");
        assertThat(status.out()).contains("Every step is done (scale 0.01).");
        assertThat(count(status.out(), "\\| done +\\|")).isEqualTo(11);
        JarRun.Result again = shardprep(db, "walkthrough --auto");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Every step of the lesson is done", "create_orders(200) before and after the key swap:");
    }

    @Test
    void statusAtASmallScaleOnBiggerTablesReadsNoWholeTable() throws Exception {
        String db = "walk_status_cheap";
        TestServer.freshDatabase(db);
        JarRun.Result load = shardprep(db, "load-all --scale 0.05 --fresh --yes");
        assertThat(load.exitCode()).as(load.out() + load.err()).isZero();
        long before = rowsRead(db, "line_items"), ordersBefore = rowsRead(db, "orders");
        JarRun.Result status = shardprep(db, "walkthrough status --scale 0.01");
        assertThat(status.exitCode()).as(status.out() + status.err()).isZero();
        assertThat(status.out()).contains("stores has 22 rows, the data set at scale 0.01 has 5; products has 500 rows");
        // the data set at 0.01 has 40,030 line items and 19,997 orders; the tables hold five times that:
        // the checks read one row past the count they look for, never the whole table
        assertThat(rowsRead(db, "line_items") - before).isLessThanOrEqualTo(40_031);
        assertThat(rowsRead(db, "orders") - ordersBefore).isLessThanOrEqualTo(2 * 19_998);
    }

    /** Rows the server has read from the table, by sequential scans and through its indexes. */
    private static long rowsRead(String db, String table) throws Exception {
        Thread.sleep(1200);   // backends report their counters at most once a second, and when they end
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (var rs = s.executeQuery("SELECT coalesce(t.seq_tup_read, 0) + coalesce((SELECT sum(i.idx_tup_read) FROM "
                    + "pg_stat_user_indexes i WHERE i.relid = t.relid), 0) FROM pg_stat_user_tables t WHERE t.relname = '" + table + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aLessonStoppedAfterTheBackfillGoesOnWhereTheDatabaseSays() throws Exception {
        String db = "walk_resume";
        TestServer.freshDatabase(db);
        JarRun.Result first = shardprep(db, "walkthrough --auto --scale 0.01 --until backfill", "backfill-status --watch");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("Stopped after step 5 (backfill) as asked; walkthrough goes on with step 6 (update-function).");

        JarRun.Result status = shardprep(db, "walkthrough status");
        assertThat(states(status.out())).containsExactly("done", "done", "done", "done", "done", "next",
                "pending", "pending", "pending", "pending", "pending");
        assertThat(status.out()).contains("Next: step 6 of 11, Make the application write store_id (scale 0.01)");

        // a backfill that did not get to the end before its shell did: the walkthrough starts it again
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            s.execute("UPDATE line_items SET store_id = NULL WHERE line_item_id <= 1234");
        }
        JarRun.Result stopped = shardprep(db, "walkthrough status");
        assertThat(states(stopped.out())).containsExactly("done", "done", "done", "done", "next", "pending",
                "pending", "pending", "pending", "pending", "pending");
        assertThat(stopped.out()).contains("line_items has 1234 rows with store_id NULL and no backfill is running");

        JarRun.Result rest = shardprep(db, "walkthrough --auto");
        assertThat(rest.exitCode()).as(rest.out() + rest.err()).isZero();
        assertThat(rest.out()).contains("Going on at step 5 of 11 (Add store_id to line_items and fill it)",
                "Step 6 of 11: Make the application write store_id", "Step 11 of 11: Stop the order load",
                "create_orders(200) before and after the key swap:");
        assertThat(rest.out()).doesNotContain("Step 4 of 11");
        assertThat(count(rest.out(), "(?m)^Checkpoint passed: ")).isEqualTo(7);
    }

    @Test
    void aBrokenStateStopsWithWhatIsWrongAndHowToFixIt() throws Exception {
        String db = "walk_broken";
        TestServer.freshDatabase(db);
        JarRun.Result first = shardprep(db, "walkthrough --auto --scale 0.01 --until backfill", "backfill-status --watch");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            for (String t : List.of("line_items", "orders", "products", "stores")) s.execute("DELETE FROM " + t + " WHERE store_id = 4");
        }
        JarRun.Result r = shardprep(db, "walkthrough --auto");
        assertThat(r.exitCode()).isEqualTo(1);
        // the lesson's scheduled create_orders job comes back with the shell and says so first
        assertThat(r.err().replaceAll("(?m)^scheduled job \"create_orders\" .* is active again; .*\n", ""))
                .startsWith("walkthrough cannot go on: step 1 (load) no longer holds: stores has 4 rows, the data set at scale 0.01 has 5; ")
                .endsWith("the tables hold other data; load-all --scale 0.01 --fresh --yes loads the data set again "
                        + "(walkthrough --from load starts the lesson over with it)\n");
        assertThat(r.out()).contains("| broken  |");

        JarRun.Result stopped = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-v", "ON_ERROR_STOP=1",
                "-c", "walkthrough --auto", "-c", "select 'not reached'", TestServer.conninfo(db)), null, Map.of("HOME", home.toString()));
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.out()).doesNotContain("not reached");
    }

    @Test
    void aCheckpointThatFailsAfterItsStepStopsTheLesson() throws Exception {
        String db = "walk_failed_step";
        TestServer.freshDatabase(db);
        JarRun.Result loaded = shardprep(db, "walkthrough --auto --scale 0.01 --until schedule");
        assertThat(loaded.exitCode()).as(loaded.out() + loaded.err()).isZero();
        // the new function on tables without the column: installed, but it cannot write store_id
        JarRun.Result r = shardprep(db, "walkthrough --auto --from update-function");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("Installed create_orders version 2").doesNotContain("Step 7 of 11");
        // the order job the first shell scheduled runs again in this one, and it says so
        assertThat(r.err()).isEqualTo("scheduled job \"create_orders\" (every minute: SELECT create_orders(200);) is active again; "
                + "\"job pause create_orders\" stops it\n"
                + "walkthrough stopped at step 6 (update-function), its checkpoint failed: "
                + "line_items has no store_id column yet: backfill start adds it and fills it\n");
    }

    @Test
    void badOptionsAreOneLine() {
        String db = "walk_bad";
        TestServer.freshDatabase(db);
        JarRun.Result noAuto = shardprep(db, "walkthrough --scale 0.01");
        assertThat(noAuto.exitCode()).isEqualTo(1);
        assertThat(noAuto.err()).isEqualTo("walkthrough waits for Enter before each step, which needs the prompt; "
                + "walkthrough --auto runs the steps one after the other\n");
        JarRun.Result until = shardprep(db, "walkthrough --auto --until nosuch");
        assertThat(until.err()).isEqualTo("--until: no step named \"nosuch\" (steps: load, pg-cron, time-before, schedule, backfill, "
                + "update-function, verify-backfill, swap-keys, time-after, check-distribution, unschedule)\n");
        JarRun.Result scale = shardprep(db, "walkthrough status --scale 0");
        assertThat(scale.err()).startsWith("--scale: scale must be greater than 0");
    }

    @Test
    void atThePromptEnterRunsAStepSSkipsItAndCtrlCStops() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "walk_prompt";
        TestServer.freshDatabase(db);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), TestServer.conninfo(db))) {
            screen.await(db + "=#");
            screen.type("walkthrough --scale 0.01\r");
            screen.await("Step 1 of 11: Create the tables and load the data");
            screen.await("[Enter] run  [s] skip  [q] stop:");
            screen.type("\r");
            screen.await("Checkpoint passed: stores 5, products 100");
            screen.await("Step 2 of 11: Look for pg_cron");
            screen.type("s");
            screen.await("Skipped; the checkpoint is asked all the same.");
            screen.await("Step 3 of 11");
            screen.type("\u0003");
            screen.await("Walkthrough stopped before step 3; walkthrough goes on from what the database shows then.");
            screen.await(db + "=#");
            // the pg_cron look leaves nothing in the database: it is next again, before create_orders
            screen.type("walkthrough status\r");
            screen.await("Next: step 2 of 11, Look for pg_cron (scale 0.01)");
            screen.type("walkthrough\r");
            screen.await("Going on at step 2 of 11");
            screen.await("[Enter] run  [s] skip  [q] stop:");
            screen.type("q");
            screen.await("Walkthrough stopped before step 2");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
    }

    @Test
    void aBackgroundLineWhileTheStepQuestionWaitsGoesAboveIt() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "walk_notice";
        TestServer.freshDatabase(db);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), TestServer.conninfo(db))) {
            screen.await(db + "=#");
            // fails every other second, so its failure line comes back again and again
            screen.type("schedule flaky '1 seconds' 'select 1 / (extract(epoch from clock_timestamp())::int % 2)'\r");
            screen.type("walkthrough --scale 0.01\r");
            screen.await("[Enter] run  [s] skip  [q] stop:");
            int asked = screen.text().lastIndexOf("[Enter] run");
            long until = System.currentTimeMillis() + 30_000;
            while (screen.text().indexOf("job flaky failed", asked) < 0 && System.currentTimeMillis() < until) Thread.sleep(100);
            Thread.sleep(300);
            List<String> shown = visibleLines(screen.text().substring(asked));
            assertThat(shown).as(String.join("\n", shown)).anyMatch(l -> l.startsWith("job flaky failed: division by zero"))
                    .noneMatch(l -> l.contains("stop: ") && l.contains("job flaky"));
            // the question is asked again under the line, and still answers to one key
            assertThat(shown.get(shown.size() - 1)).isEqualTo("[Enter] run  [s] skip  [q] stop: ");
            screen.type("q");
            screen.await("Walkthrough stopped before step 1");
            screen.type("unschedule flaky\r");
            screen.await("unscheduled job 1 (flaky)");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
    }

    /** The lines as the screen shows them: styles dropped, a carriage return starting its line over. */
    private static List<String> visibleLines(String raw) {
        String plain = raw.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        List<String> lines = new ArrayList<>();
        for (String l : plain.split("\n", -1)) {
            String[] parts = l.split("\r", -1);
            String last = parts[parts.length - 1];
            lines.add(last.isEmpty() && parts.length > 1 ? parts[parts.length - 2] : last);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        return lines;
    }

    @Test
    void ctrlCDuringAStepStopsTheWalkthroughAndTheNextOneStartsThereAgain() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "walk_cancel";
        TestServer.freshDatabase(db);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), TestServer.conninfo(db))) {
            screen.await(db + "=#");
            screen.type("walkthrough --scale 0.1\r");
            screen.await("[Enter] run  [s] skip  [q] stop:");
            screen.type("\r");
            screen.await(db + "=# load-all --scale 0.1 --fresh --yes");
            screen.type("\u0003");   // while the data set loads
            screen.await("Walkthrough stopped during step 1; walkthrough goes on from what the database shows then.");
            screen.await(db + "=#");
            screen.type("walkthrough status\r");
            screen.await("Next: step 1 of 11, Create the tables and load the data (scale 0.1)");
            assertThat(screen.text()).doesNotContain("Exception");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
    }

    /** The state column of the checklist, top to bottom. */
    private static List<String> states(String out) {
        List<String> states = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^ +\\d+ \\| [a-z-]+ +\\| ([a-z]+) +\\|").matcher(out);
        while (m.find()) states.add(m.group(1));
        return states;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
