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

import static org.assertj.core.api.Assertions.assertThat;

/** simulate-orders through the built jar on a real PostgreSQL loaded with the exercise-sized sample. */
class SimulateOrdersIT {

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    @Test
    void installsVersion1AndRunsBothModes() throws Exception {
        String db = loaded("orders_run");
        JarRun.Result install = JarRun.shardprep(null, "-c", "simulate-orders install --version 1", db);
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).isEqualTo("Installed create_orders version 1 (line items without store_id).\n");

        JarRun.Result server = JarRun.shardprep(null, "-c", "simulate-orders run --orders 40 --mode server", db);
        assertThat(server.exitCode()).as(server.err()).isZero();
        assertThat(server.out()).contains(" server |     40 |");
        assertThat(count("orders_run", "orders")).isEqualTo(100);

        JarRun.Result client = JarRun.shardprep(null, "-c", "simulate-orders run --orders 1200", db);
        assertThat(client.exitCode()).as(client.err()).isZero();
        assertThat(client.out()).contains(" client |   1200 |");
        assertThat(count("orders_run", "orders")).isEqualTo(1300);
        assertThat(count("orders_run", "line_items")).isBetween(114L + 40 + 1200, 114L + 3 * 40 + 3 * 1200);
        // four writers by default: still each line item a product of its order's store, amount = price × quantity
        assertThat(count("orders_run", "line_items li JOIN orders o USING (order_id) JOIN products p USING (product_id) "
                + "WHERE p.store_id <> o.store_id OR li.line_amount <> p.price * li.quantity")).isZero();
    }

    @Test
    void aSteadyLoadReportsProgressAndEndsByItself() throws Exception {
        String db = loaded("orders_steady");
        Path script = TestFiles.file("steady", ".sql");
        Files.writeString(script, """
                simulate-orders install
                simulate-orders start --rate 600/min --writes insert --for 3s --progress 1
                \\! sleep 4
                simulate-orders status
                """);
        JarRun.Result r = JarRun.shardprep(null, "-f", script.toString(), db);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Installed create_orders version 1",
                "Order load started: 600/min (10.0/s), client mode, one INSERT per row, for 3s",
                "progress: 1.0 s, ", "(target 10.0), lat ", " 0 failed\n",
                "simulate-orders: finished after ", "No order load is running; the last one:", " ended | client |");
        assertThat(r.out()).doesNotContain("failed:");
        assertThat(count("orders_steady", "orders")).isGreaterThan(60);
    }

    @Test
    void version1FailsOnceStoreIdIsNotNullAndTheLoadGoesOn() throws Exception {
        String db = loaded("orders_fail");
        assertThat(JarRun.shardprep(null, "-c", "simulate-orders install --version 1", db).exitCode()).isZero();
        JarRun.Result alter = JarRun.shardprep(null, "-v", "ON_ERROR_STOP=1",
                "-c", "ALTER TABLE line_items ADD COLUMN store_id bigint",
                "-c", "UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE li.order_id = o.order_id",
                "-c", "ALTER TABLE line_items ALTER COLUMN store_id SET NOT NULL", db);
        assertThat(alter.exitCode()).as(alter.err()).isZero();

        JarRun.Result once = JarRun.shardprep(null, "-c", "simulate-orders run --orders 5 --mode server", db);
        assertThat(once.exitCode()).isEqualTo(1);
        assertThat(once.err()).startsWith("null value in column \"store_id\" of relation \"line_items\" violates not-null constraint");

        Path script = TestFiles.file("failing", ".sql");
        Files.writeString(script, """
                simulate-orders start --rate 600/min --mode server --for 2s --progress 1
                \\! sleep 3
                simulate-orders status
                simulate-orders run --orders 30 --mode client
                simulate-orders install
                simulate-orders run --orders 30 --mode server
                """);
        JarRun.Result r = JarRun.shardprep(null, "-f", script.toString(), db);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String notice = "simulate-orders: an order batch failed: null value in column \"store_id\" of relation \"line_items\"";
        assertThat(r.out().split(java.util.regex.Pattern.quote(notice), -1)).hasSize(2);   // shown once
        assertThat(r.out()).containsPattern(" ended \\| server \\|[^\\n]*\\| +0 \\| +[0-9.]+ \\| +[1-9][0-9]* \\|");
        assertThat(r.out()).contains("failed: ", " client |     30 |", "Installed create_orders version 2", " server |     30 |");
        assertThat(count("orders_fail", "orders")).isEqualTo(60 + 30 + 30);
        assertThat(count("orders_fail", "line_items WHERE store_id IS NULL")).isZero();
    }

    @Test
    void badInputIsOneLineAndExitStatus1() {
        String db = TestServer.freshDatabase("orders_bad");
        assertError(db, "simulate-orders run --orders 0", "--orders must be at least 1\n");
        assertError(db, "simulate-orders start --rate abc",
                "--rate must look like 20000/min, 300/s or 20000 (per minute), not \"abc\"\n");
        assertError(db, "simulate-orders run --orders 5 --mode x", "--mode must be server or client, not \"x\"\n");
        assertError(db, "simulate-orders start --rate 600/min --writes csv", "--writes must be copy or insert, not \"csv\"\n");
        assertError(db, "simulate-orders run --orders 5 --mode server --writes insert",
                "--writes is for the client mode: create_orders writes one INSERT per row\n");
        assertError(db, "simulate-orders stop", "no order load is running\n");
        assertError(db, "simulate-orders install --version 3", "--version must be 1 or 2\n");
    }

    @Test
    void ctrlCCancelsTheServerFunctionAndStopsTheScript() throws Exception {
        String db = loaded("orders_cancel");
        assertThat(JarRun.shardprep(null, "-c", "simulate-orders install --version 1", db).exitCode()).isZero();
        long before = count("orders_cancel", "orders");
        ProcessBuilder pb = new ProcessBuilder(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-c",
                "simulate-orders run --orders 5000000 --mode server", db);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process p = pb.start();
        long deadline = System.currentTimeMillis() + 30_000;   // until create_orders runs on the server
        while (count("orders_cancel", "pg_stat_activity where query like 'SELECT create_orders%'") == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.exitValue()).as(err).isEqualTo(3);
        assertThat(err).startsWith("Cancel request sent\n").contains("canceling statement due to user request");
        assertThat(count("orders_cancel", "orders")).isEqualTo(before);   // the function's one transaction rolled back
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
