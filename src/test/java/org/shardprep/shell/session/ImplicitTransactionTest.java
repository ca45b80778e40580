package org.shardprep.shell.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.TransactionState;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's command_no_begin and the savepoint rule, by their words and on a real session. */
class ImplicitTransactionTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Session session;

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    @Test
    void psqlsNoBeginStatements() {
        for (String sql : new String[] {"abort", "BEGIN", "start transaction", "commit", "end", "rollback",
                "prepare transaction 'x'", "vacuum t", "cluster", "create database d", "create tablespace s location '/x'",
                "create index concurrently i on t (a)", "create unique index concurrently i on t (a)", "alter system set x = 1",
                "drop database d", "drop tablespace s", "drop index concurrently i", "reindex database d", "reindex system d",
                "reindex table concurrently t", "reindex index concurrently i", "discard all"}) {
            assertThat(ImplicitTransaction.mustNotBegin(sql)).as(sql).isTrue();
        }
        for (String sql : new String[] {"prepare p as select 1", "cluster t using i", "create index i on t (a)",
                "create table t (a int)", "alter table t add b int", "drop table t", "drop index i", "reindex table t",
                "discard plans", "select 1", "vacuumx", "savepoint s", "release s", ""}) {
            assertThat(ImplicitTransaction.mustNotBegin(sql)).as(sql).isFalse();
        }
    }

    @Test
    void commentsBeforeAndBetweenTheWords() {
        assertThat(ImplicitTransaction.mustNotBegin("/* a /* nested */ note */ vacuum t")).isTrue();
        assertThat(ImplicitTransaction.mustNotBegin("-- /* not open\ncreate /* x */ index -- y\n concurrently i on t (a)")).isTrue();
        assertThat(ImplicitTransaction.isTransactionControl("/* a /* nested */ note */ savepoint s")).isTrue();
        assertThat(ImplicitTransaction.isTransactionControl("/* a /* nested */ note */ select 1")).isFalse();
    }

    @Test
    void aVacuumAfterANestedCommentGetsNoBeginWithAutocommitOff() throws SQLException {
        session = session("implicit_tx");
        session.variables().set("AUTOCOMMIT", "off");
        session.execute("create table t (a int)");
        session.execute("commit");
        assertThat(session.execute("/* a /* nested */ note */ vacuum t").success())
                .as(err.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(session.connection().transactionState()).isEqualTo(TransactionState.IDLE);
    }

    private Session session(String db) throws SQLException {
        var settings = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(TestServer.freshDatabase(db)), Map.of(), Path.of("/nonexistent"));
        return new Session(SessionConnection.open(settings), null, null,
                new PrintWriter(out, true), new PrintStream(err, true), false);
    }
}
