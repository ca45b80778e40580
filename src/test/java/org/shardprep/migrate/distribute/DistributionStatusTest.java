package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.TestSessions;
import org.shardprep.command.CommandError;
import org.shardprep.migrate.ExerciseTables;
import org.shardprep.prepare.KeysOff;
import org.shardprep.prepare.SchemaGraph;
import org.shardprep.shell.session.Session;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * distribute status on plain PostgreSQL (the embedded server, no Citus): every table local, the plan's roles beside
 * it, a verdict that says so; the foreign keys a run left off, with since when; --watch refreshing until Ctrl-C; bad
 * options in one line. On a real Citus: DistributeStatusCitusIT.
 */
class DistributionStatusTest {

    private final TestSessions sessions = new TestSessions();

    @AfterEach
    void close() {
        sessions.close();
    }


    private static void status(Session s, boolean watch, String tenant, String column) {
        new DistributionCommands.Distribute(s).distributeStatus(watch, tenant, column, null, null);
    }

    @Test
    void withoutCitusEveryTableIsLocalAndTheKeysOffAreShown() throws Exception {
        String db = "distribute_status_plain";
        ExerciseTables.create(db, 20);
        Session s = sessions.open(db);
        status(s, false, "stores", null);
        assertThat(sessions.output()).isEqualTo("""
                   table    |             planned              |  now  | shards | placement\s
                ------------+----------------------------------+-------+--------+-----------
                 stores     | distributed on store_id (anchor) | local |        |\s
                 orders     | distributed on store_id          | local |        |\s
                 products   | distributed on store_id          | local |        |\s
                 line_items | distributed on store_id          | local |        |\s
                (4 rows)

                No Citus on this server: every table is local. distribute run makes the calls on a Citus coordinator.
                """);

        // a run stopped half-way left a key off (kept on the server by KeysOff): status names it, and since when
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            SchemaGraph.ForeignKey fk = SchemaGraph.read(c).table("orders").orElseThrow().foreignKeys().get(0);
            KeysOff.takeOff(c, List.of(fk));
            st.execute("UPDATE shardprep.foreign_keys_off SET taken_off_at = now() - interval '75 seconds'");
            c.commit();
        }
        status(s, false, "stores", null);
        assertThat(sessions.output()).containsPattern("Foreign keys off \\(1\\), put back and validated by distribute run:\n"
                        + "    orders\\.orders_store_id_fkey: off since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\+00:00 \\(1 min 1[5-9] s\\)\n")
                .endsWith("No Citus on this server: every table is local. distribute run makes the calls on a Citus coordinator.\n");
    }

    @Test
    void watchRefreshesEveryTwoSecondsUntilCtrlC() throws Exception {
        String db = "distribute_status_watch";
        ExerciseTables.create(db, 5);
        Session s = sessions.open(db);
        Thread watch = new Thread(() -> status(s, true, null, null));
        watch.start();
        Thread.sleep(3000);
        s.interrupt();
        watch.join(5000);
        assertThat(watch.isAlive()).as("Ctrl-C ends the watch").isFalse();
        String text = sessions.output();
        assertThat(text).containsPattern("^distribute status\t\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\(every 2s\\)\n\n   table ");
        assertThat(text.split("\\(every 2s\\)", -1)).as("a refresh at once, and one 2 s later").hasSize(3);
        assertThat(s.interrupted()).as("the watch took the Ctrl-C: the session goes on").isFalse();
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        String db = "distribute_status_bad";
        ExerciseTables.create(db, 5);
        Session s = sessions.open(db);
        assertThatThrownBy(() -> status(s, false, "nosuch", null)).isInstanceOf(CommandError.class)
                .hasMessage("--tenant: no table \"nosuch\" on the search path");
        assertThatThrownBy(() -> status(s, false, null, "nosuch")).isInstanceOf(CommandError.class)
                .hasMessage("no table on the search path has a column \"nosuch\"");
        assertThatThrownBy(() -> status(s, false, null, " ")).isInstanceOf(CommandError.class).hasMessage("--column must name a column");
        assertThat(sessions.output()).isEmpty();
    }
}
