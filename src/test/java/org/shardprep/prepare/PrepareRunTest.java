package org.shardprep.prepare;

import org.junit.jupiter.api.Test;
import org.shardprep.ExerciseSql;
import org.shardprep.TestServer;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandRegistry;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prepare run through the command registry on a real server: the ad analytics schema (a path of three hops) and
 * the exercise's, with generated data. The end state, every earlier value unchanged (a checksum of every table
 * over its earlier columns), a second run that changes nothing, and a refusal with nothing changed when rows
 * can get no tenant.
 */
class PrepareRunTest {

    /** The ad analytics schema with 4 companies, 20 campaigns, 200 ads, 12,000 clicks (three fill batches), 3,000 impressions. */
    private static void adAnalyticsWithData(String db) throws SQLException {
        RealWorldSchemas.adAnalytics(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO companies SELECT i, 'c' || i, NULL, now(), now() FROM generate_series(1, 4) i;
                    INSERT INTO campaigns SELECT i, i % 4 + 1, 'camp' || i, 'cpc', 'on', i * 10, NULL, now(), now() FROM generate_series(1, 20) i;
                    INSERT INTO ads SELECT i, i % 20 + 1, 'ad' || i, NULL, NULL, i, i, now(), now() FROM generate_series(1, 200) i;
                    INSERT INTO clicks SELECT i, i % 200 + 1, now(), 'site' || i, i / 7.0, '10.0.0.1', '{}' FROM generate_series(1, 12000) i;
                    INSERT INTO impressions SELECT i, i % 200 + 1, now(), 'site' || i, i / 3.0, '10.0.0.2', '{}' FROM generate_series(1, 3000) i;
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.site_url := 'touched'; RETURN NEW; END $$;
                    CREATE TRIGGER clicks_touch BEFORE UPDATE ON clicks FOR EACH ROW EXECUTE FUNCTION touch();
                    """);
        }
    }

    private static void exerciseWithData(String db) throws SQLException {
        TestServer.freshDatabase(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            st.execute("""
                    INSERT INTO stores SELECT i, 's' || i, 'cat' FROM generate_series(1, 3) i;
                    INSERT INTO products SELECT i, i % 3 + 1, 'p' || i, 'd', i FROM generate_series(1, 30) i;
                    INSERT INTO orders SELECT i, i % 3 + 1, 'new', 'b', 's', now() FROM generate_series(1, 60) i;
                    INSERT INTO line_items SELECT i, (i % 10) * 3 + (i % 60) % 3 + 1, i % 60 + 1, 1, i FROM generate_series(1, 6000) i;
                    """);
        }
    }

    @Test
    void adAnalyticsEndsWithTheColumnFilledAlongThePathAndEveryKeyOnItAndNoValueChanged() throws SQLException {
        String db = "prepare_run_ads";
        adAnalyticsWithData(db);
        Map<String, String> tables = columns(db, List.of("companies", "campaigns", "ads", "clicks", "impressions", "geo_ips"));
        Map<String, String> before = checksums(db, tables);

        String text = prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes");

        assertThat(text).contains("clicks: company_id filled along clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id: 12,000 rows in 3 batches",
                "prepare run done:");
        assertThat(checksums(db, tables)).as("every earlier value, the trigger's column included").isEqualTo(before);
        assertAdAnalyticsPrepared(db);

        String catalog = catalog(db);
        Map<String, String> after = checksums(db, tables);
        assertThat(prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .contains("Nothing to do: the catalog shows every step of the plan done; nothing changed.");
        assertThat(catalog(db)).isEqualTo(catalog);
        assertThat(checksums(db, tables)).isEqualTo(after);
        try (Connection c = TestServer.connect(db)) {
            PreparePlan plan = Planner.plan(c, new Planner.Options("companies", "company_id", null, null));
            assertThat(plan.ready()).as(String.join("; ", plan.problems())).isTrue();
            assertThat(plan.keyChanges()).isEmpty();
            assertThat(plan.foreignKeyChanges()).isEmpty();
            assertThat(plan.tables()).noneMatch(PreparePlan.TableRole::addsColumn);
        }
    }

    @Test
    void rowsThatCanGetNoTenantMakeItRefuseWithNothingChanged() throws SQLException {
        String db = "prepare_run_orphans";
        adAnalyticsWithData(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO clicks VALUES (20001, NULL, now(), 'x', 1, '10.0.0.3', '{}')");
        }
        Map<String, String> tables = columns(db, List.of("companies", "campaigns", "ads", "clicks", "impressions", "geo_ips"));
        Map<String, String> before = checksums(db, tables);
        String catalog = catalog(db);

        assertThat(failure(db, "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .startsWith("prepare run refused, nothing changed: 1 row can get no tenant: clicks 1 (NULL ad_id; e.g. 20001)");
        assertThat(checksums(db, tables)).isEqualTo(before);
        assertThat(catalog(db)).isEqualTo(catalog);
    }

    @Test
    void theExerciseEndsWithStoreIdInEveryKey() throws SQLException {
        String db = "prepare_run_exercise";
        exerciseWithData(db);
        Map<String, String> tables = columns(db, List.of("stores", "products", "orders", "line_items"));
        Map<String, String> before = checksums(db, tables);

        assertThat(prepare(db, "run", "--tenant", "stores", "--yes")).contains("prepare run done:");

        assertThat(checksums(db, tables)).isEqualTo(before);
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT count(*) FROM line_items l JOIN orders o USING (order_id) WHERE l.store_id IS DISTINCT FROM o.store_id"))
                    .isEqualTo("0");
            assertThat(one(c, "SELECT string_agg(conrelid::regclass || ' ' || pg_get_constraintdef(oid), '; ' ORDER BY conrelid::regclass::text, "
                    + "pg_get_constraintdef(oid)) FROM pg_constraint WHERE contype IN ('p', 'f') AND connamespace = 'public'::regnamespace AND conrelid <> 'stores'::regclass")).isEqualTo(
                    "line_items FOREIGN KEY (store_id, order_id) REFERENCES orders(store_id, order_id); "
                            + "line_items FOREIGN KEY (store_id, product_id) REFERENCES products(store_id, product_id); "
                            + "line_items PRIMARY KEY (store_id, line_item_id); "
                            + "orders FOREIGN KEY (store_id) REFERENCES stores(store_id); "
                            + "orders PRIMARY KEY (store_id, order_id); "
                            + "products FOREIGN KEY (store_id) REFERENCES stores(store_id); "
                            + "products PRIMARY KEY (store_id, product_id)");
        }
        assertThat(prepare(db, "run", "--tenant", "stores", "--yes")).contains("Nothing to do");
        try (Connection c = TestServer.connect(db)) {
            assertThat(Planner.plan(c, new Planner.Options("stores", null, null, null)).ready()).isTrue();
        }
    }

    /**
     * Keys of every kind: a unique constraint, a partial expression unique index, a composite primary key, a table
     * without one, foreign keys with actions (ON UPDATE CASCADE, which Citus refuses, goes; ON DELETE CASCADE,
     * DEFERRABLE INITIALLY DEFERRED and the name stay) and a view that depends on a primary key.
     */
    @Test
    void keysOfEveryKindAreWidenedKeepingNamesActionsAndViews() throws SQLException {
        String db = "prepare_run_keys";
        TestServer.freshDatabase(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
                    CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id),
                                        email text NOT NULL CONSTRAINT users_email_key UNIQUE DEFERRABLE, nickname text);
                    CREATE UNIQUE INDEX users_nickname_idx ON users (lower(nickname)) WHERE nickname IS NOT NULL;
                    CREATE TABLE projects (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), name text NOT NULL);
                    CREATE TABLE tasks (id bigint PRIMARY KEY,
                                        project_id bigint NOT NULL CONSTRAINT task_project REFERENCES projects (id)
                                            ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                                        owner_id bigint REFERENCES users (id), title text);
                    CREATE TABLE task_tags (task_id bigint REFERENCES tasks (id), tag text, PRIMARY KEY (task_id, tag));
                    CREATE TABLE notes (task_id bigint NOT NULL REFERENCES tasks (id), body text);
                    CREATE VIEW project_sizes AS SELECT p.id, p.name, count(t.id) AS tasks
                        FROM projects p LEFT JOIN tasks t ON t.project_id = p.id GROUP BY p.id;
                    INSERT INTO accounts SELECT i, 'a' || i FROM generate_series(1, 3) i;
                    INSERT INTO users SELECT i, i % 3 + 1, 'u' || i || '@x', CASE WHEN i % 2 = 0 THEN 'N' || i END FROM generate_series(1, 30) i;
                    INSERT INTO projects SELECT i, i % 3 + 1, 'p' || i FROM generate_series(1, 12) i;
                    INSERT INTO tasks SELECT i, i % 12 + 1, CASE WHEN i % 5 <> 0 THEN (i % 10) * 3 + (i % 12) % 3 + 1 END, 't' || i
                        FROM generate_series(1, 7000) i;
                    INSERT INTO task_tags SELECT i % 7000 + 1, 'tag' || i FROM generate_series(1, 6000) i;
                    INSERT INTO notes SELECT i % 7000 + 1, 'n' || i FROM generate_series(1, 5500) i;
                    """);
        }
        Map<String, String> tables = columns(db, List.of("accounts", "users", "projects", "tasks", "task_tags", "notes", "project_sizes"));
        Map<String, String> before = checksums(db, tables);

        String text = prepare(db, "run", "--tenant", "accounts", "--column", "account_id", "--yes");

        assertThat(text).contains("notes: account_id filled along notes.task_id → tasks.id → tasks.project_id → projects.id → projects.account_id: 5,500 rows in 3 batches",
                "task_tags: account_id filled along task_tags.task_id → tasks.id → tasks.project_id → projects.id → projects.account_id: 6,000 rows in 2 batches");
        assertThat(checksums(db, tables)).isEqualTo(before);
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated, '; ' "
                    + "ORDER BY conrelid::regclass::text, conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                    + "AND contype IN ('p', 'u', 'f') AND conrelid <> 'accounts'::regclass")).isEqualTo(
                    "notes notes_task_id_fkey FOREIGN KEY (account_id, task_id) REFERENCES tasks(account_id, id) true; "
                            + "projects projects_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) true; "
                            + "projects projects_pkey PRIMARY KEY (account_id, id) true; "
                            + "task_tags task_tags_pkey PRIMARY KEY (account_id, task_id, tag) true; "
                            + "task_tags task_tags_task_id_fkey FOREIGN KEY (account_id, task_id) REFERENCES tasks(account_id, id) true; "
                            + "tasks task_project FOREIGN KEY (account_id, project_id) REFERENCES projects(account_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED true; "
                            + "tasks tasks_owner_id_fkey FOREIGN KEY (account_id, owner_id) REFERENCES users(account_id, id) true; "
                            + "tasks tasks_pkey PRIMARY KEY (account_id, id) true; "
                            + "users users_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts(id) true; "
                            + "users users_email_key UNIQUE (account_id, email) DEFERRABLE true; "
                            + "users users_pkey PRIMARY KEY (account_id, id) true");
            assertThat(one(c, "SELECT pg_get_viewdef('project_sizes'::regclass, true)")).contains("GROUP BY p.id, p.account_id");
            assertThat(one(c, "SELECT pg_get_indexdef('users_nickname_idx'::regclass)"))
                    .isEqualTo("CREATE UNIQUE INDEX users_nickname_idx ON public.users USING btree (account_id, lower(nickname)) WHERE (nickname IS NOT NULL)");
            assertThat(one(c, "SELECT count(*) FROM notes n JOIN tasks t ON t.id = n.task_id WHERE n.account_id <> t.account_id")).isEqualTo("0");
        }
        assertThat(prepare(db, "run", "--tenant", "accounts", "--column", "account_id", "--yes")).contains("Nothing to do");
    }

    /**
     * What a run stopped by a crash leaves behind: a column added and half filled (still marked), an invalid index
     * from a CONCURRENTLY build that failed; and later a foreign key re-created NOT VALID but not validated. The
     * next run goes on from the catalog and ends as an uninterrupted one.
     */
    @Test
    void aRunGoesOnFromWhatAnEarlierRunLeftBehind() throws SQLException {
        String db = "prepare_run_resume";
        adAnalyticsWithData(db);
        Map<String, String> tables = columns(db, List.of("companies", "campaigns", "ads", "clicks", "impressions", "geo_ips"));
        Map<String, String> before = checksums(db, tables);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE ads ADD COLUMN company_id bigint; COMMENT ON COLUMN ads.company_id IS '" + RunMarks.FILLING + "'; "
                    + "UPDATE ads a SET company_id = m.company_id FROM campaigns m WHERE m.id = a.campaign_id AND a.id <= 100");
            try {
                st.execute("CREATE UNIQUE INDEX CONCURRENTLY campaigns_pkey_new ON campaigns (company_id)");
            } catch (SQLException expected) {
                // duplicate values: the build fails and leaves the index invalid, as a crash would
            }
            assertThat(one(c, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'campaigns_pkey_new'::regclass")).isEqualTo("f");
        }

        String text = prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes");

        assertThat(text).contains("ads: company_id filled along ads.campaign_id → campaigns.id → campaigns.company_id: 100 rows in 1 batch",
                "campaigns: drop the invalid index campaigns_pkey_new (an earlier build stopped half-way)")
                .doesNotContain("ads: add column");
        assertAdAnalyticsPrepared(db);
        assertThat(checksums(db, tables)).isEqualTo(before);

        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE clicks DROP CONSTRAINT clicks_ad_id_fkey; ALTER TABLE clicks ADD CONSTRAINT clicks_ad_id_fkey "
                    + "FOREIGN KEY (company_id, ad_id) REFERENCES ads (company_id, id) NOT VALID; "
                    + "COMMENT ON CONSTRAINT clicks_ad_id_fkey ON clicks IS '" + RunMarks.TO_VALIDATE + "'");
        }
        assertThat(prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .contains("clicks: validate clicks_ad_id_fkey").doesNotContain("Nothing to do");
        assertAdAnalyticsPrepared(db);
        assertThat(prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes")).contains("Nothing to do");
    }

    /**
     * pagila by store, with its data: payment is partitioned by month (a composite key, foreign keys declared on each
     * partition), rental's last_update trigger must not fire. Its primary key is widened partition by partition
     * and re-attached, the partitions' keys to rental re-pointed and validated, ON UPDATE CASCADE dropped where
     * Citus refuses it, and no earlier value changes (rental.last_update included).
     */
    @Test
    void pagilaWithItsPartitionedPaymentsEndsPreparedWithNoValueChanged() throws SQLException {
        String db = "prepare_run_pagila";
        RealWorldSchemas.pagila(db);
        List<String> names = new ArrayList<>();
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY 1")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        Map<String, String> tables = columns(db, names);
        Map<String, String> before = checksums(db, tables);

        String out = prepare(db, "run", "--tenant", "store", "--yes");
        assertThat(out).contains("payment: primary key payment_pkey onto (store_id, payment_date, payment_id) on 7 partitions",
                "payment_p2022_01: validate payment_p2022_01_rental_id_fkey", "no trigger fired");

        assertThat(checksums(db, tables)).isEqualTo(before);
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'payment_pkey'"))
                    .isEqualTo("PRIMARY KEY (store_id, payment_date, payment_id)");
            // every partition's key is the parent's again (attached), under its own name
            assertThat(one(c, "SELECT count(*) || ' ' || bool_and(conparentid <> 0) FROM pg_constraint WHERE contype = 'p' "
                    + "AND conrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'payment'::regclass)")).isEqualTo("7 true");
            assertThat(one(c, "SELECT pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint WHERE conname = 'payment_p2022_03_rental_id_fkey'"))
                    .isEqualTo("FOREIGN KEY (store_id, rental_id) REFERENCES rental(store_id, rental_id) true");
            assertThat(one(c, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'rental_inventory_id_fkey'"))
                    .isEqualTo("FOREIGN KEY (store_id, inventory_id) REFERENCES inventory(store_id, inventory_id) ON DELETE RESTRICT");
            assertThat(one(c, "SELECT count(*) FROM payment p JOIN rental r USING (rental_id) WHERE p.store_id <> r.store_id")).isEqualTo("0");
            // the partitions' own keys are one key of payment's now (Citus refuses a partition's own), payment_p2022_07 included
            assertThat(one(c, "SELECT pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint WHERE conname = 'payment_rental_id_fkey' "
                    + "AND conrelid = 'payment'::regclass")).isEqualTo("FOREIGN KEY (store_id, rental_id) REFERENCES rental(store_id, rental_id) true");
            assertThat(one(c, "SELECT count(*) || ' ' || bool_and(conparentid <> 0) FROM pg_constraint WHERE contype = 'f' "
                    + "AND conrelid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'payment'::regclass)")).isEqualTo("21 true");
        }
        assertThat(prepare(db, "run", "--tenant", "store", "--yes")).contains("Nothing to do");
    }

    /** Without --yes and with nobody to ask, nothing changes. */
    @Test
    void withoutYesNothingChanges() throws SQLException {
        String db = "prepare_run_no";
        exerciseWithData(db);
        String catalog = catalog(db);
        assertThat(failure(db, "run", "--tenant", "stores")).isEqualTo("prepare run changes tables: add --yes to run it from a script");
        assertThat(catalog(db)).isEqualTo(catalog);
    }

    /** Ctrl-C between two batches of a fill: the run stops, says how to go on, and the next run ends the work. */
    @Test
    void ctrlCStopsBetweenBatchesAndTheNextRunGoesOn() throws SQLException {
        String db = "prepare_run_stop";
        adAnalyticsWithData(db);
        Map<String, String> tables = columns(db, List.of("companies", "campaigns", "ads", "clicks", "impressions", "geo_ips"));
        Map<String, String> before = checksums(db, tables);
        AtomicInteger asked = new AtomicInteger();

        assertThat(failure(db, () -> asked.incrementAndGet() > 7, "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .isEqualTo("prepare run stopped: stopped by Ctrl-C; every finished step is kept, prepare run again goes on from there");
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT count(*) FILTER (WHERE company_id IS NULL) || ' of ' || count(*) FROM clicks")).isEqualTo("7000 of 12000");
        }

        prepare(db, "run", "--tenant", "companies", "--column", "company_id", "--yes");
        assertAdAnalyticsPrepared(db);
        assertThat(checksums(db, tables)).isEqualTo(before);
    }

    /**
     * A role that owns the tables but may not set session_replication_role: refused before anything changes while a
     * trigger would fire on the rows filled, naming it; without the trigger the whole run works as that role.
     */
    @Test
    void aRoleThatMayNotKeepTriggersFromFiringIsRefusedNamingThem() throws SQLException {
        String db = "prepare_run_owner";
        adAnalyticsWithData(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS prun_owner; CREATE ROLE prun_owner; GRANT CREATE ON SCHEMA public TO prun_owner; "
                    + "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP "
                    + "EXECUTE format('ALTER TABLE %I OWNER TO prun_owner', t); END LOOP; END $$");
        }
        Map<String, String> tables = columns(db, List.of("companies", "campaigns", "ads", "clicks", "impressions", "geo_ips"));
        Map<String, String> before = checksums(db, tables);
        String catalog = catalog(db);

        assertThat(failureAs(db, () -> false, "prun_owner", "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .isEqualTo("prepare run refused, nothing changed: clicks: trigger clicks_touch would fire on every row filled and this role "
                        + "may not set session_replication_role: run as a superuser, GRANT SET ON PARAMETER session_replication_role, "
                        + "or disable the trigger for the run");
        assertThat(catalog(db)).isEqualTo(catalog);

        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER clicks_touch ON clicks");
        }
        assertThat(prepareAs(db, "prun_owner", "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .contains("clicks: company_id filled along clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id: 12,000 rows in 3 batches\n");
        assertAdAnalyticsPrepared(db);
        assertThat(checksums(db, tables)).isEqualTo(before);
    }

    /** An index that has the name prepare run would build under, and is not what it builds, is never swapped in. */
    @Test
    void anIndexOfTheTemporaryNameThatIsNotOursIsRefused() throws SQLException {
        String db = "prepare_run_name";
        exerciseWithData(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE UNIQUE INDEX orders_pkey_new ON orders (order_id, status)");
        }
        assertThat(failure(db, "run", "--tenant", "stores", "--yes")).isEqualTo("prepare run stopped: an index named orders_pkey_new exists that "
                + "prepare run did not build (not a unique index of orders on store_id first): rename or drop it; every finished step is kept, "
                + "prepare run again goes on from there");
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'orders_pkey'")).isEqualTo("PRIMARY KEY (order_id)");
        }
    }

    /** The exercise's line items with neither an order nor a product can get no tenant: refused, nothing changed. */
    @Test
    void theExercisesOrphanLineItemsAreRefusedWithNothingChanged() throws SQLException {
        String db = "prepare_run_exercise_orphans";
        exerciseWithData(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("UPDATE line_items SET order_id = NULL, product_id = NULL WHERE line_item_id IN (7, 8)");
        }
        Map<String, String> tables = columns(db, List.of("stores", "products", "orders", "line_items"));
        Map<String, String> before = checksums(db, tables);
        String catalog = catalog(db);

        assertThat(failure(db, "run", "--tenant", "stores", "--yes")).startsWith("prepare run refused, nothing changed: 2 rows can get no tenant: line_items 2 (NULL ")
                .contains("e.g. 7, 8)");
        assertThat(checksums(db, tables)).isEqualTo(before);
        assertThat(catalog(db)).isEqualTo(catalog);
    }

    /** Kill Bill's 63 tables (no foreign keys, the column everywhere): every primary key and unique index widened, then nothing to do. */
    @Test
    void killBillsKeysAreAllWidened() throws SQLException {
        String db = "prepare_run_killbill";
        RealWorldSchemas.killbill(db);

        String text = prepare(db, "run", "--column", "tenant_record_id", "--yes");

        assertThat(text).contains("prepare run done:");
        try (Connection c = TestServer.connect(db)) {
            assertThat(one(c, "SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = t.oid "
                    + "AND a.attname = 'tenant_record_id' WHERE t.relnamespace = 'public'::regnamespace AND i.indisunique AND NOT a.attnum = ANY (i.indkey::int2[])"))
                    .as("unique indexes without tenant_record_id").isEqualTo("0");
            PreparePlan plan = Planner.plan(c, new Planner.Options(null, "tenant_record_id", null, null));
            assertThat(plan.keyChanges()).isEmpty();
        }
        assertThat(prepare(db, "run", "--column", "tenant_record_id", "--yes")).contains("Nothing to do");
    }

    /** A trigger ENABLE ALWAYS fires even under session_replication_role = replica: refused naming it, nothing changed. */
    @Test
    void anAlwaysTriggerIsRefusedNamingIt() throws SQLException {
        String db = "prepare_run_always";
        adAnalyticsWithData(db);
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE clicks ENABLE ALWAYS TRIGGER clicks_touch");
        }
        String catalog = catalog(db);
        assertThat(failure(db, "run", "--tenant", "companies", "--column", "company_id", "--yes"))
                .isEqualTo("prepare run refused, nothing changed: clicks: trigger clicks_touch is ENABLE ALWAYS and would fire on every row "
                        + "filled: ALTER TABLE clicks DISABLE TRIGGER for the run, or fill company_id yourself");
        assertThat(catalog(db)).isEqualTo(catalog);
    }

    // ---- helpers

    /** Every table of the ad analytics schema distributed on company_id: NOT NULL, filled along the path, in every key. */
    private static void assertAdAnalyticsPrepared(String db) throws SQLException {
        try (Connection c = TestServer.connect(db)) {
            for (String t : List.of("campaigns", "ads", "clicks", "impressions")) {
                assertThat(one(c, "SELECT attnotnull FROM pg_attribute WHERE attrelid = '" + t + "'::regclass AND attname = 'company_id'"))
                        .as(t + ".company_id NOT NULL").isEqualTo("t");
                assertThat(one(c, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '" + t + "'::regclass AND contype = 'p'"))
                        .isEqualTo("PRIMARY KEY (company_id, id)");
            }
            assertThat(one(c, "SELECT count(*) FROM clicks k JOIN ads a ON a.id = k.ad_id JOIN campaigns m ON m.id = a.campaign_id "
                    + "WHERE k.company_id IS DISTINCT FROM m.company_id")).isEqualTo("0");
            assertThat(one(c, "SELECT count(*) FROM impressions k JOIN ads a ON a.id = k.ad_id WHERE k.company_id IS DISTINCT FROM a.company_id"))
                    .isEqualTo("0");
            assertThat(one(c, "SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated, '; ' "
                    + "ORDER BY conrelid::regclass::text) FROM pg_constraint WHERE contype = 'f'")).isEqualTo(
                    "ads ads_campaign_id_fkey FOREIGN KEY (company_id, campaign_id) REFERENCES campaigns(company_id, id) true; "
                            + "campaigns campaigns_company_id_fkey FOREIGN KEY (company_id) REFERENCES companies(id) true; "
                            + "clicks clicks_ad_id_fkey FOREIGN KEY (company_id, ad_id) REFERENCES ads(company_id, id) true; "
                            + "impressions impressions_ad_id_fkey FOREIGN KEY (company_id, ad_id) REFERENCES ads(company_id, id) true");
            assertThat(one(c, "SELECT count(*) FROM pg_description WHERE description LIKE 'shardprep%'")).as("no marks left").isEqualTo("0");
        }
    }


    private static String prepare(String db, String... args) {
        return prepareAs(db, null, args);
    }

    /** prepare as the role, when not null (SET ROLE on the run's connection). */
    private static String prepareAs(String db, String role, String... args) {
        StringWriter text = new StringWriter();
        CommandRegistry.Outcome outcome = registry(db, new PrintWriter(text, true), () -> false, role).run(command(args));
        assertThat(outcome.ok()).as(outcome.failure() + "\n" + text).isTrue();
        return text.toString();
    }

    private static String failure(String db, String... args) {
        return failure(db, () -> false, args);
    }

    private static String failure(String db, BooleanSupplier stop, String... args) {
        return failureAs(db, stop, null, args);
    }

    private static String failureAs(String db, BooleanSupplier stop, String role, String... args) {
        StringWriter text = new StringWriter();
        CommandRegistry.Outcome outcome = registry(db, new PrintWriter(text, true), stop, role).run(command(args));
        assertThat(outcome.ok()).isFalse();
        return outcome.failure();
    }

    private static List<String> command(String... args) {
        List<String> out = new ArrayList<>(List.of("prepare"));
        out.addAll(List.of(args));
        return out;
    }

    private static CommandRegistry registry(String db, PrintWriter out, BooleanSupplier stop, String role) {
        return new CommandRegistry(List.of(PrepareCommand.class), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type != PrepareCommand.class) return CommandLine.defaultFactory().create(type);
                Connection session = TestServer.connect(db);
                PrepareCommand.WorkConnection work = () -> {
                    Connection c = TestServer.connect(db);
                    if (role != null) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SET ROLE " + role);
                        }
                    }
                    return c;
                };
                return type.cast(new PrepareCommand(() -> session, out, work, (q, yes, refusal) -> {
                    if (!yes) throw new CommandError(refusal);
                    return true;
                }, out::println, stop));
            }
        });
    }

    /** Each table's columns now, in order, for {@link #checksums}. */
    private static Map<String, String> columns(String db, List<String> tables) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestServer.connect(db)) {
            for (String t : tables) {
                out.put(t, one(c, "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = '"
                        + t + "'::regclass AND attnum > 0 AND NOT attisdropped"));
            }
        }
        return out;
    }

    /** Each table's rows over the given columns, as a count and one md5 (rows sorted by their text). */
    private static Map<String, String> checksums(String db, Map<String, String> columns) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = TestServer.connect(db)) {
            for (Map.Entry<String, String> t : columns.entrySet()) {
                out.put(t.getKey(), one(c, "SELECT count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT ROW("
                        + t.getValue() + ")::text r FROM " + t.getKey() + ") x"));
            }
        }
        return out;
    }

    /** The schema as the catalog has it: every column, constraint, index and comment. */
    private static String catalog(String db) throws SQLException {
        try (Connection c = TestServer.connect(db)) {
            return one(c, """
                    SELECT (SELECT string_agg(attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod) || ' ' || attnotnull, '; ' ORDER BY 1)
                            FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid JOIN pg_namespace n ON n.oid = k.relnamespace
                            WHERE n.nspname = 'public' AND attnum > 0 AND NOT attisdropped)
                        || (SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || convalidated, '; ' ORDER BY 1)
                            FROM pg_constraint WHERE connamespace = 'public'::regnamespace)
                        || (SELECT string_agg(indexrelid::regclass || ' ' || pg_get_indexdef(indexrelid), '; ' ORDER BY 1)
                            FROM pg_index i JOIN pg_class k ON k.oid = i.indrelid WHERE k.relnamespace = 'public'::regnamespace)
                        || (SELECT count(*) FROM pg_description)""");
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
