package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.shardprep.TableChecksums;
import org.shardprep.TestServer;
import org.shardprep.prepare.RealWorldSchemas;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three public schemas of ../shared/realworld/ (schemas nobody here wrote) through the built jar, as a user
 * would take them: prepare plan, prepare run --yes, then check-distribution says Ready, and every value that
 * existed before is unchanged (a checksum of every table over its earlier columns). pagila comes with its own
 * data (rentals by customers of the other store among it); the two others get generated data, ad analytics
 * with rows that can get no tenant, which make prepare run refuse with nothing changed until they are fixed.
 */
class RealWorldSchemasIT {

    @Test
    void pagilaByStore() throws SQLException {
        String db = "rw_pagila";
        RealWorldSchemas.pagila(db);
        preparedWithNoValueChanged(db, "--tenant store", "Ready: 4 tables to distribute on store_id, colocated with store; 11 reference tables.");
    }

    @Test
    void adAnalyticsByCompanyRefusedWhileRowsCanGetNoTenant() throws SQLException {
        String db = "rw_ads";
        RealWorldSchemas.adAnalytics(db);
        sql(db, """
                INSERT INTO companies SELECT i, 'c' || i, NULL, now(), now() FROM generate_series(1, 5) i;
                INSERT INTO campaigns SELECT i, i % 5 + 1, 'camp' || i, 'cpc', 'on', i * 10, NULL, now(), now() FROM generate_series(1, 25) i;
                INSERT INTO ads SELECT i, i % 25 + 1, 'ad' || i, NULL, NULL, i, i, now(), now() FROM generate_series(1, 300) i;
                INSERT INTO clicks SELECT i, i % 300 + 1, now(), 'site' || i, i / 7.0, '10.0.0.1', '{}' FROM generate_series(1, 9000) i;
                INSERT INTO impressions SELECT i, i % 300 + 1, now(), 'site' || i, i / 3.0, '10.0.0.2', '{}' FROM generate_series(1, 4000) i;
                INSERT INTO geo_ips VALUES ('10.0.0.0/8', point(1, 2));
                -- rows that can get no tenant: a click of no ad, an ad of no campaign (and its click)
                INSERT INTO clicks VALUES (9001, NULL, now(), 'lost', 1, '10.0.0.3', '{}');
                INSERT INTO ads VALUES (301, NULL, 'stray', NULL, NULL, 0, 0, now(), now());
                INSERT INTO clicks VALUES (9002, 301, now(), 'stray', 1, '10.0.0.4', '{}');
                """);
        Map<String, String> columns = TableChecksums.columns(db, "public");
        Map<String, String> before = TableChecksums.checksums(db, columns);

        JarRun.Result plan = JarRun.shardprep(null, "-c", "prepare plan --tenant companies --column company_id", TestServer.conninfo(db));
        assertThat(plan.out()).contains("clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id",
                "ads: 1 row can get no tenant: NULL campaign_id (e.g. 301)", "clicks: 1 row can get no tenant: NULL ad_id (e.g. 9001)",
                "clicks: 1 row can get no tenant: NULL campaign_id in ads (e.g. 9002)", "Not ready: 3 rows can get no tenant.");
        JarRun.Result refused = JarRun.shardprep(null, "-c", "prepare run --tenant companies --column company_id --yes", TestServer.conninfo(db));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("prepare run refused, nothing changed: 3 rows can get no tenant: ");
        assertThat(TableChecksums.columns(db, "public")).isEqualTo(columns);
        assertThat(TableChecksums.checksums(db, columns)).isEqualTo(before);

        // the user deals with them (here: deletes them); everything else must come through unchanged
        sql(db, "DELETE FROM clicks WHERE id IN (9001, 9002); DELETE FROM ads WHERE id = 301;");
        preparedWithNoValueChanged(db, "--tenant companies --column company_id",
                "Ready: 5 tables to distribute on company_id, colocated with companies; no reference tables.");
    }

    @Test
    void killbillByTenantRecordId() throws SQLException {
        String db = "rw_killbill";
        RealWorldSchemas.killbill(db);
        sql(db, GENERATE_ROWS);
        preparedWithNoValueChanged(db, "--column tenant_record_id",
                "Ready: 49 tables to distribute on tenant_record_id, colocated with account_email_history; no reference tables.");
    }

    /** prepare plan, prepare run --yes, a second run that does nothing, check-distribution's verdict, and every earlier value as it was. */
    private static void preparedWithNoValueChanged(String db, String options, String verdict) throws SQLException {
        preparedWithNoValueChanged(db, options, verdict, null);
    }

    /** @param problem the one problem left after the run, when one is */
    private static void preparedWithNoValueChanged(String db, String options, String verdict, String problem) throws SQLException {
        Map<String, String> columns = TableChecksums.columns(db, "public");
        Map<String, String> before = TableChecksums.checksums(db, columns);
        String conninfo = TestServer.conninfo(db);

        JarRun.Result plan = JarRun.shardprep(null, "-c", "prepare plan " + options, conninfo);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        if (problem == null) assertThat(plan.out()).contains("Ready to prepare.");
        JarRun.Result run = JarRun.shardprep(null, "-c", "prepare run " + options + " --yes", conninfo);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("prepare run done:");
        JarRun.Result again = JarRun.shardprep(null, "-c", "prepare run " + options + " --yes", conninfo);
        assertThat(again.out()).isEqualTo("Nothing to do: the catalog shows every step of the plan done; nothing changed.\n");

        JarRun.Result check = JarRun.shardprep(null, "-c", "check-distribution " + options, conninfo);
        assertThat(check.exitCode()).as(check.err()).isZero();
        if (problem == null) assertThat(check.out()).contains(verdict).doesNotContain("Problems:");
        else assertThat(check.out()).contains(verdict, "Problems:\n    " + problem);

        assertThat(TableChecksums.checksums(db, columns)).isEqualTo(before);
    }

    private static void sql(String db, String sql) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * 30 rows in every table of Kill Bill, three tenants: each column without a default gets a value of its type
     * from the row number (unique where it must be), tenant_record_id 1 to 3.
     */
    static final String GENERATE_ROWS = """
            DO $$
            DECLARE t record; c record; cols text; vals text; expr text;
            BEGIN
              FOR t IN SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname LOOP
                cols := ''; vals := '';
                FOR c IN SELECT a.attname, a.atttypmod,
                                (SELECT coalesce(nullif(ty.typbasetype, 0), ty.oid)::regtype::text FROM pg_type ty WHERE ty.oid = a.atttypid) AS base
                         FROM pg_attribute a WHERE a.attrelid = t.relname::regclass AND a.attnum > 0 AND NOT a.attisdropped
                           AND (a.attname = 'tenant_record_id'
                                OR NOT EXISTS (SELECT 1 FROM pg_attrdef d WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum))
                         ORDER BY a.attnum LOOP
                  expr := CASE
                    WHEN c.attname = 'tenant_record_id' THEN '1 + g % 3'
                    WHEN c.base IN ('integer', 'bigint', 'smallint', 'numeric') THEN 'g'
                    WHEN c.base IN ('character varying', 'text', 'character') THEN
                         CASE WHEN c.atttypmod > 4 THEN 'left(''v'' || g, ' || (c.atttypmod - 4) || ')' ELSE '''v'' || g' END
                    WHEN c.base LIKE 'timestamp%' THEN 'timestamp ''2026-01-01'' + g * interval ''1 minute'''
                    WHEN c.base = 'date' THEN 'date ''2026-01-01'' + g'
                    WHEN c.base = 'boolean' THEN 'false'
                    WHEN c.base = 'bytea' THEN 'convert_to(''b'' || g, ''UTF8'')'
                    ELSE 'NULL' END;
                  cols := cols || CASE WHEN cols = '' THEN '' ELSE ', ' END || quote_ident(c.attname);
                  vals := vals || CASE WHEN vals = '' THEN '' ELSE ', ' END || expr;
                END LOOP;
                IF cols <> '' THEN
                  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM generate_series(1, 30) g', t.relname, cols, vals);
                END IF;
              END LOOP;
            END $$;
            """;
}
