package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.shardprep.prepare.KeysOff;
import org.shardprep.prepare.SchemaGraph;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * distribute status on the Citus coordinator named by SHARDPREP_CITUS_URL (skipped without it), in a database of
 * its own (status_it): before, every table local and the plan's roles; a create_distributed_table in flight (held
 * in the lock queue by an open transaction, so that it is caught in flight every time) shown as being copied; after,
 * the shards and their placement across the workers, and the verdict.
 */
@EnabledIfEnvironmentVariable(named = "SHARDPREP_CITUS_URL", matches = ".+", disabledReason = "no Citus: set SHARDPREP_CITUS_URL")
class DistributeStatusCitusIT {

    @Test
    void showsEachTableLocalBeingCopiedAndDistributed() throws Exception {
        String conninfo = DistributeCitusIT.databaseWithNodes("status_it");
        List<String> workers;
        try (Connection c = DistributeCitusIT.connectTo(conninfo); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE stores (store_id bigint PRIMARY KEY, name text)");
            st.execute("CREATE TABLE orders (store_id bigint NOT NULL REFERENCES stores, order_id bigint, PRIMARY KEY (store_id, order_id))");
            st.execute("INSERT INTO stores SELECT i, 'store ' || i FROM generate_series(1, 10) i");
            st.execute("INSERT INTO orders SELECT 1 + i % 10, i FROM generate_series(1, 5000) i");
            workers = DistributeCitusIT.rows(c, "SELECT nodename || ':' || nodeport FROM pg_dist_node WHERE groupid > 0 ORDER BY nodeid");
        }
        JarRun.Result before = JarRun.shardprep(null, "-c", "distribute status", conninfo);
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains(
                " stores | distributed on store_id (anchor) | local |        | ",
                " orders | distributed on store_id          | local |        | ",
                "Nothing in flight (Citus ").contains(": 0 of 2 tables as planned; distribute run does the rest.\n");

        // a distribution in flight: the key between them off (as distribute run has it), stores' call queued behind a writer
        try (Connection holder = DistributeCitusIT.connectTo(conninfo); Connection caller = DistributeCitusIT.connectTo(conninfo)) {
            holder.setAutoCommit(false);
            KeysOff.takeOff(holder, SchemaGraph.read(holder).table("orders").orElseThrow().foreignKeys());
            holder.commit();
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK stores IN ROW EXCLUSIVE MODE");
            }
            CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
                try (Statement st = caller.createStatement()) {
                    st.execute("SELECT create_distributed_table('stores', 'store_id')");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            JarRun.Result during;
            try {
                waitForTheCall(conninfo);
                during = JarRun.shardprep(null, "-c", "distribute status", conninfo);
            } finally {
                holder.commit();
            }
            call.get(60, TimeUnit.SECONDS);
            assertThat(during.exitCode()).as(during.err()).isZero();
            assertThat(during.out()).containsPattern(" stores \\| distributed on store_id \\(anchor\\) \\| being copied \\(\\d+\\.\\d s\\) \\|")
                    .containsPattern("In flight: create_distributed_table\\('stores', \\.\\.\\.\\) \\(pid \\d+, \\d+\\.\\d s\\): waiting for a lock\\.\n")
                    .containsPattern("Foreign keys off \\(1\\), put back and validated by distribute run:\n"
                            + "    orders\\.orders_store_id_fkey: off since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00 \\(\\d+\\.\\d s\\)\n")
                    .contains("Distributing (Citus ", ": 0 of 2 tables as planned.\n");
        }

        JarRun.Result run = JarRun.shardprep(null, "-c", "distribute run", conninfo);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JarRun.Result after = JarRun.shardprep(null, "-c", "distribute status", conninfo);
        String placement = workers.get(0) + " 16, " + workers.get(1) + " 16";
        assertThat(after.out()).contains(
                " stores | distributed on store_id (anchor) | distributed on store_id |     32 | " + placement,
                " orders | distributed on store_id          | distributed on store_id |     32 | " + placement,
                "Done (Citus ", ": 2 of 2 tables as planned.\n").doesNotContain("Foreign keys off");
    }

    /** Until create_distributed_table waits in the lock queue on the coordinator. */
    private static void waitForTheCall(String conninfo) throws SQLException, InterruptedException {
        try (Connection c = DistributeCitusIT.connectTo(conninfo)) {
            for (int i = 0; i < 200; i++) {
                if (!DistributeCitusIT.rows(c, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' "
                        + "AND query LIKE 'SELECT create_distributed_table(%'").isEmpty()) return;
                Thread.sleep(50);
            }
        }
        throw new AssertionError("create_distributed_table never waited for its lock");
    }
}
