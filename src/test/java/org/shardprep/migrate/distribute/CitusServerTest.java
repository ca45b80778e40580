package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the server has of Citus: nothing on plain PostgreSQL; when the concurrent form can run at all. */
class CitusServerTest {

    @Test
    void plainPostgresqlHasNoCitus() throws SQLException {
        TestServer.freshDatabase("citus_server_plain");
        try (Connection c = TestServer.connect("citus_server_plain")) {
            CitusServer server = CitusServer.read(c);
            assertThat(server.installed()).isFalse();
            assertThat(server.available()).isFalse();   // the embedded binaries have no citus
            assertThat(server.tables()).isEmpty();
            assertThat(server.walLevel()).isIn("replica", "minimal", "logical");
            assertThat(server.withoutShards(c, List.of("stores", "orders"))).containsExactly("stores", "orders");
        }
    }

    @Test
    void theConcurrentFormNeedsItsFunctionLogicalWalAndOneReplica() {
        CitusServer ready = new CitusServer(Optional.of("12.1-1"), true, Map.of(), true, "logical", Optional.of("1"), Optional.empty());
        assertThat(ready.concurrentUnavailable()).isEmpty();
        assertThat(new CitusServer(Optional.of("11.0-4"), true, Map.of(), false, "logical", Optional.of("1"), Optional.empty()).concurrentUnavailable())
                .contains("this Citus (11.0-4) has no create_distributed_table_concurrently (Citus 11.1 and later)");
        assertThat(new CitusServer(Optional.of("12.1-1"), true, Map.of(), true, "replica", Optional.of("1"), Optional.empty()).concurrentUnavailable())
                .contains("wal_level is replica; the concurrent form replicates logically and needs wal_level = logical");
        assertThat(new CitusServer(Optional.of("12.1-1"), true, Map.of(), true, "logical", Optional.of("2"), Optional.empty()).concurrentUnavailable())
                .contains("citus.shard_replication_factor is 2; the concurrent form needs 1");
        // PostgreSQL 15.19+, 16.7+, 17.3+ refuse an output plugin not named there (met on Citus 13.2.2 with PostgreSQL 15.20)
        assertThat(new CitusServer(Optional.of("13.2-1"), true, Map.of(), true, "logical", Optional.of("1"), Optional.of("")).concurrentUnavailable())
                .contains("output_plugin_libraries (empty) does not name citus, which the concurrent form replicates through (\"library "
                        + "\"citus\" may not be used as an output plugin\"): add it to output_plugin_libraries and reload the server's configuration");
        assertThat(new CitusServer(Optional.of("13.2-1"), true, Map.of(), true, "logical", Optional.of("1"), Optional.of("pgoutput, citus"))
                .concurrentUnavailable()).isEmpty();
    }
}
