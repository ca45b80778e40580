package org.shardprep.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.shardprep.TestServer;
import org.shardprep.sql.render.ColumnInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the shell relies on from pgjdbc's internal API, through {@link PgProtocol} against a real server:
 * a pgjdbc upgrade that changes any of it fails here rather than in front of a user.
 */
class PgProtocolContractTest {

    private static final String DB = "pgprotocol_contract";
    private static Connection connection;
    private static PgProtocol protocol;

    @BeforeAll
    static void connect() throws SQLException {
        TestServer.freshDatabase(DB);
        connection = TestServer.connect(DB);
        connection.setAutoCommit(true);
        protocol = PgProtocol.of(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    /** Every callback, in order, as one line each. */
    private static final class Events implements PgProtocol.Results {
        final List<String> seen = new ArrayList<>();

        @Override
        public void rows(List<ColumnInfo> columns, List<String[]> rows) {
            StringBuilder b = new StringBuilder("rows ");
            for (ColumnInfo c : columns) b.append(c.name()).append(':').append(c.typeOid()).append(' ');
            for (String[] r : rows) b.append(Arrays.toString(r));
            seen.add(b.toString().strip());
        }

        @Override
        public void commandStatus(String tag) {
            seen.add("tag " + tag);
        }

        @Override
        public void notice(SQLWarning notice) {
            String text = notice instanceof PSQLWarning w && w.getServerErrorMessage() != null
                    ? w.getServerErrorMessage().getSeverity() + " " + w.getServerErrorMessage().getMessage()
                    : "?" + notice.getMessage();
            seen.add("notice " + text);
        }
    }

    private static List<String> run(String sql) throws SQLException {
        Events e = new Events();
        protocol.execute(sql, e);
        return e.seen;
    }

    @Test
    void aMultiStatementTextReturnsEveryResultInOrderWithItsTag() throws SQLException {
        run("drop table if exists t; create table t (a int, b text)");
        assertThat(run("insert into t values (1, 'x'), (2, null); select a, b from t order by a; "
                + "select a from t where false; insert into t values (3, 'é') returning b; update t set a = a"))
                .containsExactly(
                        "tag INSERT 0 2",
                        "rows a:23 b:25 [1, x][2, null]",
                        "tag SELECT 2",
                        "rows a:23",
                        "tag SELECT 0",
                        "rows b:25 [é]",
                        "tag INSERT 0 1",
                        "tag UPDATE 3");
    }

    @Test
    void valuesArriveAsTheServersText() throws SQLException {
        assertThat(run("select true as t, 1.50::numeric as n, null::int as z, '{1,2}'::int[] as a, 'a\"b'::text as q"))
                .containsExactly("rows t:16 n:1700 z:23 a:1007 q:25 [t, 1.50, null, {1,2}, a\"b]", "tag SELECT 1");
    }

    @Test
    void noticesArriveWhereTheServerSendsThem() throws SQLException {
        assertThat(run("select 1 as one; do $$ begin raise notice 'hello'; raise warning 'careful'; end $$; select 2 as two"))
                .containsExactly("rows one:23 [1]", "tag SELECT 1", "notice NOTICE hello", "notice WARNING careful",
                        "tag DO", "rows two:23 [2]", "tag SELECT 1");
    }

    @Test
    void anErrorIsThrownAfterTheResultsBeforeItAndCarriesTheServersPosition() throws SQLException {
        Events e = new Events();
        assertThatThrownBy(() -> protocol.execute("select 1 as one; select nosuch from pg_class", e))
                .isInstanceOfSatisfying(PSQLException.class, p -> {
                    assertThat(p.getSQLState()).isEqualTo("42703");
                    assertThat(p.getServerErrorMessage()).isNotNull();
                    // 1-based, counted from the start of the whole text, as psql shows it
                    assertThat(p.getServerErrorMessage().getPosition()).isEqualTo(25);
                });
        assertThat(e.seen).containsExactly("rows one:23 [1]", "tag SELECT 1");
        assertThat(run("select 4 as four")).containsExactly("rows four:23 [4]", "tag SELECT 1");
    }

    /**
     * The text goes as one Query message, as psql (with \;) and pg_cron send it: one implicit transaction, so an
     * error rolls back the statements before it and the ones after it do not run.
     */
    @Test
    void aTextIsSentAsOneMessageInOneImplicitTransaction() throws SQLException {
        run("drop table if exists one_message; create table one_message (a int)");
        assertThatThrownBy(() -> run("insert into one_message values (1); select 1/0; insert into one_message values (2)"))
                .isInstanceOf(PSQLException.class).hasMessageContaining("division by zero");
        assertThat(run("select count(*) as n from one_message")).containsExactly("rows n:20 [0]", "tag SELECT 1");
    }

    /** Byte for byte: the terminating ';' reaches the server (its error names it, as psql's does) and '??' stays. */
    @Test
    void theTextIsSentAsGiven() throws SQLException {
        assertThatThrownBy(() -> run("select 1 union;")).isInstanceOfSatisfying(PSQLException.class, p -> {
            assertThat(p.getServerErrorMessage().getMessage()).isEqualTo("syntax error at or near \";\"");
            assertThat(p.getServerErrorMessage().getPosition()).isEqualTo(15);
        });
        assertThatThrownBy(() -> run("select 1 ?? 2")).isInstanceOfSatisfying(PSQLException.class, p ->
                assertThat(p.getServerErrorMessage().getMessage()).isEqualTo("operator does not exist: integer ?? integer"));
        assertThat(run(";")).containsExactly("tag EMPTY");   // an empty query: pgjdbc names it, psql prints nothing
    }

    @Test
    void transactionStateFollowsTheServer() throws SQLException {
        assertThat(protocol.transactionState()).isEqualTo(TransactionState.IDLE);
        run("begin");
        assertThat(protocol.transactionState()).isEqualTo(TransactionState.OPEN);
        assertThatThrownBy(() -> run("select 1/0")).isInstanceOf(PSQLException.class);
        assertThat(protocol.transactionState()).isEqualTo(TransactionState.FAILED);
        assertThat(run("rollback")).containsExactly("tag ROLLBACK");
        assertThat(protocol.transactionState()).isEqualTo(TransactionState.IDLE);
    }

    @Test
    void noBeginOfPgjdbcsOwnWhenAutocommitIsOff() throws SQLException {
        try (Connection c = TestServer.connect(DB)) {
            c.setAutoCommit(false);   // psql's AUTOCOMMIT off sends its own BEGIN: pgjdbc must not add one
            PgProtocol p = PgProtocol.of(c);
            p.execute("select 1", new Events());
            assertThat(p.transactionState()).isEqualTo(TransactionState.IDLE);
        }
    }

    @Test
    void cancelGivesQueryCanceledAndTheConnectionStaysUsable() throws Exception {
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                run("select pg_sleep(30)");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection watcher = TestServer.connect(DB); Statement st = watcher.createStatement()) {
            while (System.nanoTime() < deadline) {
                var rs = st.executeQuery("select count(*) from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'");
                rs.next();
                if (rs.getInt(1) > 0) break;
                Thread.sleep(20);
            }
        }
        connection.unwrap(PGConnection.class).cancelQuery();
        Throwable error = running.get(10, TimeUnit.SECONDS);
        assertThat(error).isInstanceOf(SQLException.class);
        assertThat(((SQLException) error).getSQLState()).isEqualTo("57014");
        assertThat(protocol.isClosed()).isFalse();
        assertThat(run("select 5 as five")).containsExactly("rows five:23 [5]", "tag SELECT 1");
    }

    @Test
    void theServersParametersAndAddress() throws SQLException {
        assertThat(protocol.parameterStatus("client_encoding")).isEqualTo("UTF8");
        assertThat(protocol.parameterStatus("is_superuser")).isIn("on", "off");
        assertThat(protocol.parameterStatus("no_such_parameter")).isNull();
        assertThat(protocol.standardConformingStrings()).isTrue();
        run("set standard_conforming_strings = off");
        assertThat(protocol.standardConformingStrings()).isFalse();
        run("reset standard_conforming_strings");
        try (Statement st = connection.createStatement();
             var rs = st.executeQuery("select current_setting('server_version'), current_setting('server_version_num')::int, "
                     + "coalesce(inet_server_port(), current_setting('port')::int)")) {
            rs.next();
            assertThat(protocol.serverVersion()).isEqualTo(rs.getString(1));
            assertThat(protocol.serverVersionNum()).isEqualTo(rs.getInt(2));
            assertThat(protocol.port()).isEqualTo(rs.getInt(3));
        }
        assertThat(protocol.host()).isNotBlank();
    }

    @Test
    void statementCountFollowsSqlQuoting() {
        assertThat(PgProtocol.statementCount("select 1; select 2", true)).isEqualTo(2);
        assertThat(PgProtocol.statementCount("select ';' as \"a;b\" -- ;\n", true)).isEqualTo(1);
        assertThat(PgProtocol.statementCount("select $x$ ; $x$ /* ; /* ; */ ; */", true)).isEqualTo(1);
        assertThat(PgProtocol.statementCount("select E'\\'; select 1'", true)).isEqualTo(1);
    }

    @Test
    void aPooledConnectionIsUnwrapped() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://");
        try (Connection raw = TestServer.connect(DB)) {
            config.setJdbcUrl(raw.getMetaData().getURL());
        }
        config.setUsername(TestServer.keywords().get("user"));
        config.setPassword(TestServer.keywords().get("password"));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config); Connection c = pool.getConnection()) {
            Events e = new Events();
            PgProtocol.of(c).execute("select 6 as six", e);
            assertThat(e.seen).containsExactly("rows six:23 [6]", "tag SELECT 1");
        }
    }

    @Test
    void describeGivesTheColumnsTypesAndModifiersWithoutRunningTheStatement() throws SQLException {
        assertThat(protocol.describe("select 1 as one, 'x'::varchar(5) as \"Two\", null::numeric(10,2)"))
                .containsExactly(new PgProtocol.DescribedColumn("one", 23, -1),
                        new PgProtocol.DescribedColumn("Two", 1043, 9),
                        new PgProtocol.DescribedColumn("numeric", 1700, (10 << 16 | 2) + 4));
        // $n parameters are typed by the server, as psql's \\gdesc of "SELECT $1, sin($2)" shows them ('$1' in quotes is text)
        assertThat(protocol.describe("select $1 as a, sin($2) as b, '$3' as c"))
                .extracting(PgProtocol.DescribedColumn::name).containsExactly("a", "b", "c");
        assertThat(protocol.describe("create table described_only(a int)")).isEmpty();
        assertThat(protocol.describe("select 1 from pg_class where relname = 'described_only'")).hasSize(1);
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(
                "select count(*) from pg_class where relname = 'described_only'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("described, not created").isZero();
        }
        assertThatThrownBy(() -> protocol.describe("select * from no_such_table"))
                .isInstanceOf(PSQLException.class).hasMessageContaining("no_such_table");
        assertThat(protocol.transactionState()).isEqualTo(TransactionState.IDLE);
    }
}
