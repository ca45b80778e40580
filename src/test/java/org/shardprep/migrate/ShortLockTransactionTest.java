package org.shardprep.migrate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Short lock waits with retries, against a real server where another session holds the lock. */
class ShortLockTransactionTest {

    private static final String DB = "short_lock";

    @BeforeAll
    static void schema() throws SQLException {
        TestServer.freshDatabase(DB);
        try (Connection c = TestServer.connect(DB); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id int PRIMARY KEY, v int)");
            st.execute("INSERT INTO t VALUES (1, 0)");
        }
    }

    @Test
    void givesUpOnABusyLockRetriesAndSucceedsOnceItIsFree() throws Exception {
        List<Integer> attempts = new CopyOnWriteArrayList<>();   // written by the worker, read here
        try (Connection holder = TestServer.connect(DB); Connection worker = TestServer.connect(DB)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            }
            var tx = new ShortLockTransaction(Duration.ofMillis(50), 100, Duration.ofMillis(20), Duration.ofMillis(100))
                    .onRetry((attempt, pause, cause) -> attempts.add(attempt));
            CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> {
                try {
                    return tx.run(worker, c -> {
                        try (Statement st = c.createStatement()) {
                            return st.executeUpdate("UPDATE t SET v = v + 1");
                        }
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (attempts.size() < 3) Thread.sleep(20);
            holder.rollback();   // the lock is free: the next attempt gets through
            assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(worker.getAutoCommit()).isTrue();
        }
        assertThat(attempts).startsWith(1, 2, 3);
        // the work committed; no retry left a second update behind
        try (Connection c = TestServer.connect(DB); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT v FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void otherErrorsAreNotRetriedAndRollBack() throws Exception {
        List<Integer> attempts = new ArrayList<>();
        try (Connection c = TestServer.connect(DB)) {
            var tx = ShortLockTransaction.forLiveWrites().onRetry((a, p, e) -> attempts.add(a));
            assertThatThrownBy(() -> tx.run(c, conn -> {
                try (Statement st = conn.createStatement()) {
                    st.executeUpdate("UPDATE t SET v = v + 100");
                    return st.executeUpdate("UPDATE t SET v = 1 / 0");
                }
            })).isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
            assertThat(attempts).isEmpty();
            assertThat(c.getAutoCommit()).isTrue();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT v < 100 FROM t")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the first update was rolled back").isTrue();
            }
        }
    }

    @Test
    void aStopRequestEndsTheRetries() throws Exception {
        try (Connection holder = TestServer.connect(DB); Connection worker = TestServer.connect(DB)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            }
            var tx = new ShortLockTransaction(Duration.ofMillis(30), 1000, Duration.ofMillis(10), Duration.ofMillis(10))
                    .stopWhen(() -> true);
            assertThatThrownBy(() -> tx.run(worker, c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE t SET v = v");
                }
            })).isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            holder.rollback();
        }
    }

    /**
     * onCitusWorkersToo: Citus passes a transaction's SET LOCALs on to its workers only when
     * citus.propagate_set_commands is 'local' at the time of the SET, so it is set first (on PostgreSQL without Citus
     * the setting is a placeholder, accepted and unused); and it lasts only the transaction, as lock_timeout does.
     */
    @Test
    void onCitusWorkersTooPassesTheLockTimeoutOnForThisTransactionOnly() throws Exception {
        try (Connection c = TestServer.connect(DB)) {
            List<String> inside = ShortLockTransaction.forLiveWrites(Duration.ofMillis(150)).onCitusWorkersToo().run(c, x -> List.of(
                    show(x, "citus.propagate_set_commands"), show(x, "lock_timeout")));
            assertThat(inside).containsExactly("local", "150ms");
            assertThat(show(c, "lock_timeout")).isEqualTo("0");
            String without = ShortLockTransaction.forLiveWrites().run(c, x -> show(x, "citus.propagate_set_commands"));
            assertThat(without).as("not asked for: as the session has it").isEmpty();
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT current_setting('" + setting + "', true)")) {
            rs.next();
            return java.util.Objects.toString(rs.getString(1), "");   // null: never set in this session
        }
    }

    /** A connection the pool closed under a failing statement: the statement's error is what comes out, not "closed". */
    @Test
    void theFailuresOwnErrorIsNotHiddenByTheClosedConnection() throws Exception {
        Connection c = TestServer.connect(DB);
        assertThatThrownBy(() -> ShortLockTransaction.forLiveWrites().run(c, conn -> {
            conn.close();
            throw new SQLException("cannot create foreign key constraint since foreign keys from reference tables and "
                    + "local tables to distributed tables are not supported", "0A000");
        })).isInstanceOf(SQLException.class).hasMessageStartingWith("cannot create foreign key constraint");
    }
}
