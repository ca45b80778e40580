package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.TestSessions;
import org.shardprep.shell.session.Session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat distribute run keeps while a concurrent call runs, on a real PostgreSQL. */
class WalHeartbeatTest {

    private final TestSessions sessions = new TestSessions();

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void commitsANewTransactionIdAtEachBeatUntilClosed() throws Exception {
        TestServer.freshDatabase("wal_heartbeat");
        Session session = sessions.open("wal_heartbeat");
        long first, later;
        try (WalHeartbeat beat = WalHeartbeat.start(session)) {
            first = awaitXid(beat, 0);
            later = awaitXid(beat, first);
        }
        assertThat(later).isGreaterThan(first);
        try (Connection c = TestServer.connect("wal_heartbeat"); Statement st = c.createStatement()) {
            // committed, not left open: a later transaction sees both as done
            try (ResultSet rs = st.executeQuery("SELECT pg_xact_status(" + later + "::text::xid8)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("committed");
            }
        }
        // the pooled connection went back as it came: autocommit, no transaction open
        try (Connection c = session.borrow(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = 'wal_heartbeat' "
                     + "AND state LIKE 'idle in transaction%'")) {
            assertThat(c.getAutoCommit()).isTrue();
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    /** The first xid after {@code after}, waiting at most 10 s. */
    private static long awaitXid(WalHeartbeat beat, long after) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (beat.lastXid() <= after && System.nanoTime() < until) Thread.sleep(20);
        assertThat(beat.lastXid()).as("a beat after xid " + after).isGreaterThan(after);
        return beat.lastXid();
    }

}
