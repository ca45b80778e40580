package org.shardprep.migrate.backfill;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardprep.QueryRows;
import org.shardprep.TableChecksums;
import org.shardprep.TestServer;
import org.shardprep.TestSessions;
import org.shardprep.command.CommandError;
import org.shardprep.prepare.RealWorldSchemas;
import org.shardprep.shell.session.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * backfill start on the schemas people have: a path of several foreign keys found from the catalog (or to the
 * --from named), composite primary keys, tables without one, partitioned tables. Each fill changes nothing but its
 * column (a checksum of every other column before and after) and fires no trigger (each table has one that logs).
 */
class BackfillPathsTest {

    private final TestSessions sessions = new TestSessions();

    @AfterEach
    void close() {
        sessions.close();
    }


    private static void sql(String db, String sql) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** A trigger on each table that logs every row it fires for: none may fire. */
    private static void loggingTriggers(String db, String... tables) throws SQLException {
        StringBuilder s = new StringBuilder("""
                CREATE TABLE fired (tbl text);
                CREATE FUNCTION log_fire() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fired VALUES (TG_TABLE_NAME); RETURN NEW; END $$;
                """);
        for (String t : tables) s.append("CREATE TRIGGER ").append(t).append("_fire BEFORE UPDATE ON ").append(t)
                .append(" FOR EACH ROW EXECUTE FUNCTION log_fire();\n");
        sql(db, s.toString());
    }

    /** The ad analytics schema with 3 companies, 9 campaigns, 30 ads, 1,000 clicks; a composite-key and a keyless table. */
    private static void adAnalytics(String db) throws SQLException {
        RealWorldSchemas.adAnalytics(db);
        sql(db, """
                INSERT INTO companies SELECT i, 'company ' || i, NULL, '2020-01-01', '2020-01-01' FROM generate_series(1, 3) i;
                INSERT INTO campaigns (id, company_id, name, cost_model, state, created_at, updated_at)
                  SELECT i, 1 + i % 3, 'campaign ' || i, 'cpc', 'running', '2020-01-01', '2020-01-01' FROM generate_series(1, 9) i;
                INSERT INTO ads (id, campaign_id, name, created_at, updated_at)
                  SELECT i, 1 + i % 9, 'ad ' || i, '2020-01-01', '2020-01-01' FROM generate_series(1, 30) i;
                INSERT INTO clicks (id, ad_id, clicked_at, site_url, user_ip, user_data)
                  SELECT i, 1 + i % 30, '2020-01-01', 'https://example.com/' || i, '10.0.0.1', '{"a": 1}' FROM generate_series(1, 1000) i;
                CREATE TABLE click_tags (click_id bigint REFERENCES clicks, tag text, note text, PRIMARY KEY (click_id, tag));
                INSERT INTO click_tags SELECT i, t, 'note' FROM generate_series(1, 1000) i, unnest(ARRAY['a', 'b b', 'Ç,)']) t;
                CREATE TABLE ad_notes (ad_id bigint REFERENCES ads, note text);
                INSERT INTO ad_notes SELECT 1 + i % 30, 'note ' || i FROM generate_series(1, 700) i;
                """);
        loggingTriggers(db, "clicks", "click_tags", "ad_notes");
    }

    private static BackfillRunner.Status awaitEnd(Backfills backfills) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (backfills.current() != null && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(backfills.current()).as("the backfill ended").isNull();
        synchronized (backfills) {
            // ended() tells the end above the prompt while it holds this lock: it has been told
        }
        return backfills.latest().status();
    }

    /** The run ended done, told once above the prompt. */
    private BackfillRunner.Status awaitDone(Backfills backfills, String label) throws InterruptedException {
        BackfillRunner.Status s = awaitEnd(backfills);
        assertThat(s.state()).isEqualTo(BackfillRunner.State.DONE);
        assertThat(sessions.output()).startsWith("backfill of " + label + " done: ").endsWith(" is NULL (exact count)\n");
        return s;
    }

    private static String value(String db, String query) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Rows whose column is not the value at the end of the path (wrong or NULL). */
    private static long wrong(String db, String fromWhere) throws SQLException {
        return QueryRows.count(db, fromWhere);
    }

    @Test
    void fillsAlongTheForeignKeysItFindsWithoutChangingAnythingElse() throws Exception {
        String db = "backfill_paths_found";
        adAnalytics(db);
        Map<String, String> columns = TableChecksums.columns(db, "public");
        Map<String, String> before = TableChecksums.checksums(db, columns);
        Backfills backfills = new Backfills();
        BackfillCommands commands = new BackfillCommands(sessions.open(db), backfills);

        commands.start("clicks", "company_id", null, null, 100, 0);
        assertThat(sessions.output()).isEqualTo("Added column company_id bigint to clicks.\n"
                + "Backfilling clicks.company_id along clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id: "
                + "1,000 rows to fill, batches of 100 by id, from id >= 1; backfill-status shows progress, backfill stop pauses it.\n");
        BackfillRunner.Status s = awaitDone(backfills, "clicks.company_id");
        assertThat(s.progress().filled()).isEqualTo(1000);
        assertThat(wrong(db, "clicks k JOIN ads a ON a.id = k.ad_id JOIN campaigns c ON c.id = a.campaign_id "
                + "WHERE k.company_id IS DISTINCT FROM c.company_id")).isZero();

        // a table without a primary key, walked by ctid; a row the path cannot fill is named and refused first
        sql(db, "INSERT INTO ads (id, campaign_id, name, created_at, updated_at) VALUES (31, NULL, 'orphan', '2020-01-01', '2020-01-01');"
                + "INSERT INTO ad_notes VALUES (31, 'of an ad without a campaign')");
        String ctid = value(db, "SELECT ctid FROM ad_notes WHERE ad_id = 31");
        assertThatThrownBy(() -> commands.start("ad_notes", "company_id", null, null, 100, 0)).isInstanceOf(CommandError.class)
                .hasMessage("1 row of ad_notes has no campaigns.company_id to take: ctid " + ctid + " (ads.campaign_id is null); "
                        + "fill or delete them first, nothing was changed");
        sql(db, "DELETE FROM ad_notes WHERE ad_id = 31; DELETE FROM ads WHERE id = 31");
        commands.start("ad_notes", "company_id", null, null, 100, 0);
        assertThat(sessions.output()).isEqualTo("Added column company_id bigint to ad_notes.\n"
                + "Backfilling ad_notes.company_id along ad_notes.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id: "
                + "700 rows to fill, batches of 100 by ctid, from ctid >= (0,1); backfill-status shows progress, backfill stop pauses it.\n");
        s = awaitDone(backfills, "ad_notes.company_id");
        assertThat(s.progress().filled()).isEqualTo(700);
        // a filled row's new version lies further on: a ctid keyset meets it again, and leaves it alone
        assertThat(s.progress().scanned()).as("each row, and at most the new version of each").isBetween(700L, 1400L);
        assertThat(wrong(db, "ad_notes n JOIN ads a ON a.id = n.ad_id JOIN campaigns c ON c.id = a.campaign_id "
                + "WHERE n.company_id IS DISTINCT FROM c.company_id")).isZero();

        assertThat(TableChecksums.checksums(db, columns)).as("every other column as it was").isEqualTo(before);
        assertThat(QueryRows.count(db, "fired")).as("no trigger fired").isZero();
    }

    /**
     * --from names a table three foreign keys away; the table's key is composite, with text values that need quoting:
     * a stop leaves the position on both columns, and the next start goes on from it without reading a key twice.
     */
    @Test
    void compositeKeyAlongThreeForeignKeysStopsAndResumes() throws Exception {
        String db = "backfill_paths_composite";
        adAnalytics(db);
        Map<String, String> columns = TableChecksums.columns(db, "public");
        Map<String, String> before = TableChecksums.checksums(db, columns);
        sql(db, "ALTER TABLE click_tags ADD COLUMN company_id bigint");   // a row lock held elsewhere would hold up ADD COLUMN
        Backfills backfills = new Backfills();
        Session session = sessions.open(db);
        BackfillCommands commands = new BackfillCommands(session, backfills);
        BackfillStatusCommand status = new BackfillStatusCommand(session, backfills);
        BackfillRunner.Status stopped;
        try (Connection holder = TestServer.connect(db)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM click_tags WHERE click_id = 600 AND tag = 'a' FOR UPDATE");   // in the third batch of 700
            }
            commands.start("click_tags", "company_id", "campaigns", null, 700, 0);
            assertThat(sessions.output()).isEqualTo("Backfilling click_tags.company_id along click_tags.click_id → clicks.id → clicks.ad_id → ads.id → ads.campaign_id "
                    + "→ campaigns.id → campaigns.company_id: 3,000 rows to fill, batches of 700 by (click_id, tag), from (click_id, tag) >= (1, a); "
                    + "backfill-status shows progress, backfill stop pauses it.\n");
            while (backfills.current().progress().lockRetries() == 0) Thread.sleep(10);
            commands.stop();
            stopped = backfills.latest().status();
            holder.rollback();
        }
        assertThat(stopped.state()).isEqualTo(BackfillRunner.State.STOPPED);
        assertThat(stopped.progress().filled()).isEqualTo(1400);
        String last = value(db, "SELECT click_id || ', ' || tag FROM click_tags ORDER BY click_id, tag OFFSET 1399 LIMIT 1");
        assertThat(sessions.output()).isEqualTo("backfill of click_tags.company_id stopped after 1,400 rows filled; "
                + "backfill start resumes at (click_id, tag) > (" + last + ")\n");

        status.status(false, null, null);
        assertThat(sessions.output()).contains(" click_tags.company_id | stopped |   1400 | 1600 | ", "[#########...........]  46%");

        commands.start("click_tags", "company_id", "campaigns", null, 700, 0);
        assertThat(sessions.output()).contains("1,600 rows to fill", "from (click_id, tag) > (" + last + ") (where the last run stopped)");
        BackfillRunner.Status s = awaitDone(backfills, "click_tags.company_id");
        assertThat(s.progress().scanned()).as("only the keys after the position").isEqualTo(1600);
        status.status(false, null, null);
        assertThat(sessions.output()).contains(" click_tags.company_id | done  |   1600 |    0 | ", "[####################] 100%");
        assertThat(wrong(db, "click_tags t JOIN clicks k ON k.id = t.click_id JOIN ads a ON a.id = k.ad_id "
                + "JOIN campaigns c ON c.id = a.campaign_id WHERE t.company_id IS DISTINCT FROM c.company_id")).isZero();
        assertThat(TableChecksums.checksums(db, columns)).as("every other column as it was").isEqualTo(before);
        assertThat(QueryRows.count(db, "fired")).as("no trigger fired").isZero();
    }

    /**
     * pagila's payment: partitioned by payment_date, primary key (payment_date, payment_id), its foreign keys declared
     * on each partition; and a partitioned table without a primary key, walked by (tableoid, ctid).
     */
    @Test
    void partitionedTablesThroughTheirParent() throws Exception {
        String db = "backfill_paths_pagila";
        RealWorldSchemas.pagila(db);
        sql(db, """
                CREATE TABLE payment_notes (customer_id integer NOT NULL REFERENCES customer, noted_at date NOT NULL, note text)
                  PARTITION BY RANGE (noted_at);
                CREATE TABLE payment_notes_2022 PARTITION OF payment_notes FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
                CREATE TABLE payment_notes_2023 PARTITION OF payment_notes FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                INSERT INTO payment_notes SELECT 1 + i % 599, DATE '2022-01-01' + i % 700, 'note ' || i FROM generate_series(1, 2000) i;
                """);
        loggingTriggers(db, "payment", "payment_notes");
        Map<String, String> columns = TableChecksums.columns(db, "public");
        Map<String, String> before = TableChecksums.checksums(db, columns);
        long payments = QueryRows.count(db, "payment");
        Backfills backfills = new Backfills();
        BackfillCommands commands = new BackfillCommands(sessions.open(db), backfills);

        // pagila declares payment's foreign keys on each partition but the last: no key backs a path for all its rows
        assertThatThrownBy(() -> commands.start("payment", "store_id", null, null, 1000, 0)).isInstanceOf(CommandError.class)
                .hasMessage("no foreign key path leads from payment to a table with a column \"store_id\" (its partitions declare "
                        + "foreign keys, but payment_p2022_07 none: they back no path for all its rows): name the table the values "
                        + "come from with --from and spell the join with --on COLUMN=FROM_COLUMN");
        sql(db, "ALTER TABLE payment_p2022_07 ADD FOREIGN KEY (customer_id) REFERENCES customer");
        // a partition's own trigger fires on an UPDATE through the parent: one enabled ALWAYS is refused, naming it
        sql(db, "CREATE TRIGGER p07_always BEFORE UPDATE ON payment_p2022_07 FOR EACH ROW EXECUTE FUNCTION log_fire();"
                + "ALTER TABLE payment_p2022_07 ENABLE ALWAYS TRIGGER p07_always");
        assertThatThrownBy(() -> commands.start("payment", "store_id", null, null, 1000, 0)).isInstanceOf(CommandError.class)
                .hasMessage("payment: trigger p07_always (on payment_p2022_07) is ENABLE ALWAYS and would fire on every row filled: "
                        + "ALTER TABLE payment DISABLE TRIGGER for the run, or fill store_id yourself; nothing was changed");
        sql(db, "ALTER TABLE payment_p2022_07 ENABLE TRIGGER p07_always");
        commands.start("payment", "store_id", null, null, 1000, 0);
        assertThat(sessions.output()).startsWith("Added column store_id integer to payment.\n"
                + "Backfilling payment.store_id along payment.customer_id → customer.customer_id → customer.store_id: "
                + String.format(java.util.Locale.ROOT, "%,d", payments) + " rows to fill, batches of 1,000 by (payment_date, payment_id), from (payment_date, payment_id) >= (");
        BackfillRunner.Status s = awaitDone(backfills, "payment.store_id");
        assertThat(s.progress().filled()).isEqualTo(payments);
        assertThat(s.progress().scanned()).isEqualTo(payments);
        assertThat(wrong(db, "payment p JOIN customer c USING (customer_id) WHERE p.store_id IS DISTINCT FROM c.store_id")).isZero();

        commands.start("payment_notes", "store_id", null, null, 300, 0);
        assertThat(sessions.output()).startsWith("Added column store_id integer to payment_notes.\n"
                + "Backfilling payment_notes.store_id along payment_notes.customer_id → customer.customer_id → customer.store_id: "
                + "2,000 rows to fill, batches of 300 by (tableoid, ctid), from (tableoid, ctid) >= (");
        s = awaitDone(backfills, "payment_notes.store_id");
        assertThat(s.progress().filled()).isEqualTo(2000);
        assertThat(s.progress().scanned()).as("each row of both partitions, at most twice").isBetween(2000L, 4000L);
        assertThat(wrong(db, "payment_notes p JOIN customer c USING (customer_id) WHERE p.store_id IS DISTINCT FROM c.store_id")).isZero();

        assertThat(TableChecksums.checksums(db, columns)).as("every other column as it was").isEqualTo(before);
        assertThat(QueryRows.count(db, "fired")).as("no trigger fired").isZero();
    }
}
