package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ExerciseTables;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.TestSessions;
import org.shardprep.command.CommandError;
import org.shardprep.shell.session.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * backfill start|stop and backfill-status as the shell runs them, on a real session: refusals that change
 * nothing, stop and start again (in the session, and after a restart), the status in both of its modes.
 */
class BackfillCommandsTest {

    private static final String BAD = "backfill_bad_input";
    private final TestSessions sessions = new TestSessions();

    @BeforeAll
    static void badInputTables() throws SQLException {
        ExerciseTables.create(BAD, 100);
        try (Connection c = TestServer.connect(BAD); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE nokey (id bigint, order_id bigint);
                    CREATE TABLE twokeys (a bigint, b bigint, order_id bigint, PRIMARY KEY (a, b));
                    CREATE TABLE int_store (id bigint PRIMARY KEY, order_id bigint, store_id integer);
                    CREATE TABLE loose_orders (order_id bigint, store_id bigint);
                    CREATE VIEW orders_view AS SELECT * FROM orders;
                    INSERT INTO orders (order_id, store_id) VALUES (5000, NULL);
                    CREATE TABLE items (item_id bigint PRIMARY KEY, order_id bigint);
                    INSERT INTO items VALUES (1, 1), (2, 999999), (3, NULL), (4, 5000), (5, 2);
                    CREATE TABLE filled_items (item_id bigint PRIMARY KEY, order_id bigint, store_id bigint);
                    CREATE TABLE campaigns (id bigint PRIMARY KEY, company_id bigint);
                    CREATE TABLE ads (id bigint PRIMARY KEY, campaign_id bigint REFERENCES campaigns, updated_at timestamptz);
                    INSERT INTO filled_items VALUES (1, 1, NULL), (2, 999999, NULL), (3, 3, NULL);
                    """);
        }
    }

    @AfterEach
    void close() {
        sessions.close();
    }


    private static void refused(BackfillCommands commands, String table, String column, String from, String on, String message) {
        assertThatThrownBy(() -> commands.start(table, column, from, on, 100, 0))
                .isInstanceOf(CommandError.class).hasMessage(message);
    }

    @Test
    void badInputIsOneLineAndChangesNothing() throws Exception {
        BackfillCommands c = new BackfillCommands(sessions.open(BAD), new Backfills());
        refused(c, "nosuch", null, null, null, "table \"nosuch\" does not exist");
        refused(c, "nosuch.line_items", null, null, null, "table \"nosuch.line_items\" does not exist");
        refused(c, null, null, "nosuch", null, "--from: table \"nosuch\" does not exist");
        refused(c, null, null, "line_items", null, "--from must name another table than line_items");
        refused(c, "orders_view", null, null, null, "\"orders_view\" is a view, not a table");
        refused(c, null, null, null, "nosuch", "--on: column \"nosuch\" of line_items does not exist");
        refused(c, null, null, "stores", null, "--on: column \"order_id\" of stores does not exist");
        refused(c, null, "nosuch", null, null, "orders has no column \"nosuch\" to copy into line_items");
        refused(c, "int_store", null, null, "order_id",
                "int_store.store_id is integer but orders.store_id is bigint: backfill copies values of one type");
        // a table named without --on is filled along its foreign keys: these have none
        refused(c, "nokey", null, null, null, "no foreign key path leads from nokey to a table with a column \"store_id\": "
                + "name the table the values come from with --from and spell the join with --on COLUMN=FROM_COLUMN");
        refused(c, "twokeys", null, "orders", null, "no foreign key path leads from twokeys to orders: "
                + "name the table the values come from with --from and spell the join with --on COLUMN=FROM_COLUMN");
        refused(c, null, null, "loose_orders", "order_id=order_id", "loose_orders.order_id is not unique (no primary key or unique index "
                + "on it alone), so a row of line_items could match several rows of loose_orders");
        refused(c, "items", null, null, "order_id=order_id", "3 rows of items have no orders.store_id to take: item_id 2 (no orders row with "
                + "order_id 999999), 3 (order_id is null), 4 (orders.store_id is null for order_id 5000); "
                + "fill or delete them first, nothing was changed");
        refused(c, "filled_items", null, null, "order_id=order_id", "1 row of filled_items has no orders.store_id to take: item_id 2 "
                + "(no orders row with order_id 999999); fill or delete them first, nothing was changed");
        // a join no foreign key backs is refused unless both sides are spelled: ads.id = campaigns.id would give every ad
        // the company of the campaign that happens to share its number
        refused(c, "ads", "company_id", "campaigns", "id", "no foreign key of ads joins id to campaigns.id, so nothing says the two id "
                + "columns mean the same rows: spell both sides if they do (--on id=id); its foreign keys to campaigns: campaign_id → id");
        assertThatThrownBy(() -> c.start(null, null, null, null, 0, 0)).hasMessage("--batch must be between 1 and 1,000,000");
        assertThatThrownBy(() -> c.start(null, null, null, null, 100, -1)).hasMessage("--pause-ms must be 0 or more");
        assertThatThrownBy(c::stop).hasMessage("no backfill is running");

        for (String table : new String[] {"line_items", "nokey", "twokeys", "items"}) {
            assertThat(ExerciseTables.hasColumn(BAD, table, "store_id")).as(table).isFalse();
        }
        assertThat(ExerciseTables.count(BAD, "filled_items WHERE store_id IS NOT NULL")).isZero();
        assertThat(ExerciseTables.count(BAD, "int_store")).isZero();
        assertThat(sessions.output()).isEmpty();
        // and the advisory lock of each refusal was given back: a good start still works
        c.start(null, null, null, null, 100, 0);
        assertThat(sessions.output()).startsWith("Added column store_id bigint to line_items.\n"
                + "Backfilling line_items.store_id from orders on order_id: 200 rows to fill, batches of 100 by line_item_id, "
                + "from line_item_id >= 1; backfill-status shows progress, backfill stop pauses it.\n");
    }

    /**
     * A join spelled on both sides (ads.campaign_id = campaigns.id), and a trigger that would rewrite the row: only the
     * column changes (session_replication_role = replica in each batch), every other value stays as it was.
     */
    @Test
    void fillsAlongAJoinOfTwoNamesWithoutFiringTriggers() throws Exception {
        String db = "backfill_commands_quiet";
        TestServer.freshDatabase(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE campaigns (id bigint PRIMARY KEY, company_id bigint);
                    CREATE TABLE ads (id bigint PRIMARY KEY, campaign_id bigint REFERENCES campaigns, updated_at timestamptz);
                    INSERT INTO campaigns SELECT i, 1 + i % 3 FROM generate_series(1, 10) i;
                    INSERT INTO ads SELECT i, 1 + i % 10, '2020-01-01' FROM generate_series(1, 500) i;
                    ALTER TABLE ads ADD COLUMN company_id bigint;
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
                    CREATE TRIGGER ads_touch BEFORE UPDATE ON ads FOR EACH ROW EXECUTE FUNCTION touch();
                    """);
        }
        Backfills backfills = new Backfills();
        BackfillCommands commands = new BackfillCommands(sessions.open(db), backfills);
        commands.start("ads", "company_id", "campaigns", "campaign_id=id", 100, 0);
        assertThat(sessions.output()).startsWith("Backfilling ads.company_id from campaigns on campaign_id = id: 500 rows to fill");
        while (backfills.current() != null) Thread.sleep(10);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE a.company_id = c.company_id), "
                     + "count(*) FILTER (WHERE a.updated_at = '2020-01-01') FROM ads a JOIN campaigns c ON c.id = a.campaign_id")) {
            rs.next();
            assertThat(rs.getLong(1)).as("filled from the campaign each ad points at").isEqualTo(500);
            assertThat(rs.getLong(2)).as("the trigger did not fire").isEqualTo(500);
        }
    }

    @Test
    void stopAndStartResumeInTheSessionAndAfterARestart() throws Exception {
        String db = "backfill_commands_resume";
        ExerciseTables.create(db, 1000);   // 2,000 line items
        Session session = sessions.open(db);
        Backfills backfills = new Backfills();
        BackfillCommands commands = new BackfillCommands(session, backfills);
        BackfillStatusCommand status = new BackfillStatusCommand(session, backfills);

        status.status(false, null, null);
        assertThat(sessions.output()).isEqualTo("line_items has no column store_id yet: backfill start adds it and fills it.\n");
        try (Statement s = session.connection().jdbc().createStatement()) {
            s.execute("ALTER TABLE line_items ADD COLUMN store_id bigint");   // so that a row lock can hold the backfill
        }
        try (Connection holder = TestServer.connect(db)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM line_items WHERE line_item_id = 650 FOR UPDATE");
            }
            commands.start(null, null, null, null, 100, 0);
            assertThat(sessions.output()).isEqualTo("Backfilling line_items.store_id from orders on order_id: 2,000 rows to fill, "
                    + "batches of 100 by line_item_id, from line_item_id >= 1; backfill-status shows progress, backfill stop pauses it.\n");
            while (backfills.current().progress().lockRetries() == 0) Thread.sleep(10);
            assertThatThrownBy(() -> commands.start(null, null, null, null, 100, 0))
                    .hasMessage("a backfill is already running (line_items.store_id); backfill stop ends it");
            assertThat(session.background().running()).containsExactly("backfill of line_items.store_id");

            status.status(false, null, null);
            String running = sessions.output();
            assertThat(running).contains(" line_items.store_id | running |    600 | ", "[######..............]  30%");
            commands.stop();
            assertThat(sessions.output()).isEqualTo("backfill of line_items.store_id stopped after 600 rows filled; "
                    + "backfill start resumes at line_item_id > 600\n");
            assertThat(session.background().running()).isEmpty();

            // again, in the same session: from where it stopped (held at the same row as before)
            commands.start(null, null, null, null, 100, 0);
            assertThat(sessions.output()).endsWith("from line_item_id > 600 (where the last run stopped); "
                    + "backfill-status shows progress, backfill stop pauses it.\n");
            while (backfills.current().progress().lockRetries() == 0) Thread.sleep(10);
            commands.stop();
            sessions.output();
            holder.rollback();
        }

        // a new shell knows nothing of the last run: the exact count at the start finds the first NULL row
        Session restarted = sessions.open(db);
        Backfills fresh = new Backfills();
        new BackfillCommands(restarted, fresh).start(null, null, null, null, 100, 0);
        assertThat(sessions.output()).isEqualTo("Backfilling line_items.store_id from orders on order_id: 1,400 rows to fill, "
                + "batches of 100 by line_item_id, from line_item_id >= 601; backfill-status shows progress, backfill stop pauses it.\n");
        new BackfillStatusCommand(restarted, fresh).status(true, null, null);   // --watch: until it is done
        String watched = sessions.output();
        assertThat(watched).contains("line_items.store_id [####################] 100%  1,400 filled, 0 left (exact count), ",
                "\nbackfill of line_items.store_id done: 1,400 rows filled in ",
                "; no store_id is NULL (exact count)\n",
                " line_items.store_id | done  |   1400 |    0 | ");
        assertThat(watched.split("backfill of line_items.store_id done", -1)).as("the end is told once").hasSize(2);
        assertThat(ExerciseTables.wrongOrMissing(db)).isZero();

        new BackfillCommands(restarted, new Backfills()).start(null, null, null, null, 100, 0);
        assertThat(sessions.output()).isEqualTo("Nothing to backfill: no row of line_items has store_id NULL.\n");

        // no run of this session for another column: counted in the database
        new BackfillStatusCommand(restarted, fresh).status(false, "orders", "store_id");
        assertThat(sessions.output()).contains(" orders.store_id | not running | 1000 |    0 | ", "[####################] 100%");
    }
}
