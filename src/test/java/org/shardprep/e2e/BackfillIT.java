package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.QueryRows;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** backfill and backfill-status through the built jar, on the exercise-sized data set. */
class BackfillIT {

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;
    private static final String ROW_LEFT_NULL = "line_items li JOIN orders o USING (order_id) WHERE li.store_id IS DISTINCT FROM o.store_id";

    @TempDir Path home;

    /** Runs the text as a -f script on {@code conninfo}, as a user would. */
    private JarRun.Result script(String conninfo, String text) throws IOException {
        Path file = home.resolve("script-" + System.nanoTime() + ".sql");
        Files.writeString(file, text);
        return JarRun.run(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString(),
                "-X", "-f", file.toString(), conninfo), null, Map.of("HOME", home.toString()));
    }

    @Test
    void fillsTheExercisesLineItemsAndTheWatchEndsWhenDone() throws Exception {
        String db = loaded("backfill_e2e");
        JarRun.Result r = script(db, """
                backfill start --batch 500
                backfill-status --watch
                SELECT count(*) AS nulls FROM line_items WHERE store_id IS NULL;
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("""
                Added column store_id bigint to line_items.
                Backfilling line_items.store_id from orders on order_id: 114 rows to fill, batches of 500 by line_item_id, \
                from line_item_id >= 1; backfill-status shows progress, backfill stop pauses it.
                """);
        assertThat(r.out()).containsPattern("\nline_items\\.store_id \\[####################\\] 100%  114 filled, "
                + "0 left \\(exact count\\), [0-9,]+ rows/s, done after [0-9.]+ s\n");
        assertThat(r.out()).containsPattern("(?m)^backfill of line_items\\.store_id done: 114 rows filled in [0-9.]+ s "
                + "\\([0-9,]+ rows/s\\); no store_id is NULL \\(exact count\\)$");
        assertThat(r.out().split("backfill of line_items.store_id done", -1)).as("told once").hasSize(2);
        assertThat(r.out()).containsPattern("(?m)^ line_items\\.store_id \\| done  \\|    114 \\|    0 \\| +[0-9.]+ \\| +[0-9.]+ \\|     "
                + "\\| +2 \\| [0-9.]+/[0-9.]+/[0-9.]+/[0-9.]+ +\\| +0 \\| \\[####################\\] 100%$");
        assertThat(r.out()).endsWith(" nulls \n-------\n     0\n(1 row)\n\n");
        assertThat(count("backfill_e2e", ROW_LEFT_NULL)).isZero();
    }

    @Test
    void followsTheOrderLoadUntilItEnds() throws Exception {
        String db = loaded("backfill_e2e_load");
        // version 1 leaves store_id NULL on the line items it writes; the backfill (at most 20 rows/s here, one
        // key a batch and 50 ms apart) is still on its first pass when the load (about 40 line items/s) ends
        JarRun.Result r = script(db, """
                simulate-orders install --version 1
                simulate-orders start --rate 1200/min --mode server --for 3s --progress 0
                backfill start --batch 1 --pause-ms 50
                backfill-status --watch
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Order load started: 1200/min (20.0/s), server mode, for 3s",
                "simulate-orders: finished after ", "backfill of line_items.store_id done: ");
        long items = count("backfill_e2e_load", "line_items");
        assertThat(items).isGreaterThan(114 + 30);
        assertThat(count("backfill_e2e_load", "line_items WHERE store_id IS NULL")).isZero();
        assertThat(count("backfill_e2e_load", ROW_LEFT_NULL)).isZero();
        assertThat(r.out()).containsPattern("\\] 100%  " + String.format(java.util.Locale.ROOT, "%,d", items)
                + " filled, 0 left \\(exact count\\)");
        assertThat(r.out().lines().filter(l -> l.startsWith("line_items.store_id [")).count())
                .as("a progress line a second").isGreaterThan(3);
    }

    /** A run that ended tells nothing about a table loaded again since; a scheduled job filling the column is said. */
    @Test
    void statusFollowsTheTableAsItIsNowAndTheJobThatFillsIt() throws Exception {
        String db = loaded("backfill_e2e_reloaded");
        JarRun.Result r = script(db, """
                backfill start
                backfill-status --watch
                \\echo --- reloaded
                DROP TABLE line_items;
                CREATE TABLE line_items (line_item_id bigint PRIMARY KEY, order_id bigint, store_id bigint);
                INSERT INTO line_items SELECT order_id, order_id, NULL FROM orders;
                backfill-status
                \\echo --- scheduled
                backfill install-function
                schedule fill '59 seconds' 'SELECT 1 WHERE backfill_batch(0) IS NULL'
                backfill-status
                """);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String reloaded = r.out().substring(r.out().indexOf("--- reloaded"), r.out().indexOf("--- scheduled"));
        assertThat(reloaded).doesNotContain("done").contains("| not running |");
        String scheduled = r.out().substring(r.out().indexOf("--- scheduled"));
        assertThat(scheduled).contains("| filled by scheduled job fill (SELECT 1 WHERE backfill_batch(0) IS NULL) |");
    }

    @Test
    void theExercisesFunctionWorksAsWritten() throws Exception {
        String db = loaded("backfill_e2e_function");
        JarRun.Result r = script(db, """
                ALTER TABLE line_items ADD COLUMN store_id bigint;
                backfill-status
                backfill install-function
                SELECT backfill_batch(1000);
                backfill-status
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        // counted in the database: before and after the function, columns of a run left empty
        assertThat(r.out()).containsPattern("(?m)^ line_items\\.store_id \\| not running \\|   0 \\|  114 \\|( +\\|){6} "
                + "\\[\\.{20}\\]   0%$");
        assertThat(r.out()).contains("Installed backfill_batch(batch_size bigint), as the exercise writes it; run it every minute with: "
                        + "schedule backfill '*/1 * * * *' 'SELECT backfill_batch(1000000);'\n",
                " backfill_batch \n----------------\n \n(1 row)\n");
        assertThat(r.out()).containsPattern("(?m)^ line_items\\.store_id \\| not running \\| 114 \\|    0 \\|( +\\|){6} "
                + "\\[#{20}\\] 100%$");
        assertThat(count("backfill_e2e_function", ROW_LEFT_NULL)).isZero();
    }

    @Test
    void badInputIsOneLineOnStderr() throws Exception {
        String db = TestServer.freshDatabase("backfill_e2e_bad");
        assertError(db, "backfill start", "table \"line_items\" does not exist\n");
        assertError(db, "backfill start --batch 0", "--batch must be between 1 and 1,000,000\n");
        assertError(db, "backfill stop", "no backfill is running\n");
        assertError(db, "backfill-status --table nosuch", "table \"nosuch\" does not exist\n");
    }

    @Test
    void atThePromptCtrlCLeavesTheBackfillAloneAndItsEndIsToldAboveThePrompt() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = loaded("backfill_e2e_prompt");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), db)) {
            screen.await("backfill_e2e_prompt=#");
            // one key a batch, 100 ms apart: 114 line items take more than 11 s
            screen.type("backfill start --ba\t1 --pause-ms 100\r");
            screen.await("batches of 1 by line_item_id");   // TAB completed --batch
            screen.type("backfill-stat\t --watch\r");
            screen.await("line_items.store_id [");
            screen.type("\u0003");                          // ends the watch, not the backfill
            screen.type("select pg_sleep(30);\r");
            screen.type("\u0003");                          // cancels the statement, not the backfill
            screen.await("canceling statement due to user request");
            screen.await("backfill of line_items.store_id done: 114 rows filled in ");
            screen.type("backfill-status\r");
            screen.await(" line_items.store_id | done  |    114 |    0 |");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).doesNotContain("Exception");
        }
        assertThat(count("backfill_e2e_prompt", ROW_LEFT_NULL)).isZero();
    }

    private static void assertError(String db, String command, String err) {
        E2eScripts.assertCommandError(db, command, err);
    }

    private static String loaded(String name) {
        return E2eScripts.loadedSample(name);
    }

    private static long count(String db, String from) throws SQLException {
        return QueryRows.count(db, from);
    }
}
