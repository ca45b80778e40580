package org.shardprep.prepare;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.prepare.PreparePlan.ChangeKind;
import org.shardprep.prepare.PreparePlan.CrossTenant;
import org.shardprep.prepare.PreparePlan.ForeignKeyChange;
import org.shardprep.prepare.PreparePlan.KeyChange;
import org.shardprep.prepare.PreparePlan.Orphans;
import org.shardprep.prepare.PreparePlan.SemanticChange;
import org.shardprep.prepare.PreparePlan.TableRole;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The plan for the three public schemas of ../shared/realworld/, against the real test server. */
class PlannerTest {

    @Test
    void pagilaByStore() throws SQLException {
        RealWorldSchemas.pagila("prepare_pagila");
        try (Connection c = TestServer.connect("prepare_pagila")) {
            PreparePlan plan = Planner.plan(c, new Planner.Options("store", null, null, null));

            assertThat(plan.column()).isEqualTo("store_id");
            assertThat(plan.tenant()).contains(new PreparePlan.Tenant("store", "store_id"));
            assertThat(plan.withRole(Role.DISTRIBUTED)).extracting(TableRole::table).containsExactly("store", "inventory", "rental", "payment");
            assertThat(plan.role("rental").orElseThrow().path()).hasValueSatisfying(p ->
                    assertThat(p).hasToString("rental.inventory_id → inventory.inventory_id → inventory.store_id"));
            // payment is partitioned, its foreign keys declared on the partitions: read as payment's
            assertThat(plan.role("payment").orElseThrow().path()).hasValueSatisfying(p -> assertThat(p).hasToString(
                    "payment.rental_id → rental.rental_id → rental.inventory_id → inventory.inventory_id → inventory.store_id"));
            // a rental by a customer (or staff) of another store: those become reference tables, with their keys to store
            assertThat(plan.preflight().crossTenant()).extracting(x -> x.key().name(), CrossTenant::count, CrossTenant::proposal).containsExactlyInAnyOrder(
                    tuple("rental_customer_id_fkey", 8018L, "customer becomes a reference table"),
                    tuple("rental_staff_id_fkey", 16044L, "staff becomes a reference table"));
            assertThat(plan.preflight().crossTenant()).filteredOn(x -> x.key().name().equals("rental_customer_id_fkey"))
                    .singleElement().satisfies(x -> assertThat(x.samples()).hasSize(DataPreflight.SAMPLES));
            assertThat(plan.role("customer").orElseThrow().role()).isEqualTo(Role.REFERENCE);
            assertThat(plan.role("staff").orElseThrow().role()).isEqualTo(Role.REFERENCE);
            assertThat(plan.changes(ChangeKind.FOREIGN_KEY_DROPPED)).extracting(SemanticChange::table).containsExactlyInAnyOrder("customer", "staff");
            assertThat(plan.changes(ChangeKind.BECOMES_REFERENCE)).extracting(SemanticChange::table).containsExactlyInAnyOrder("customer", "staff");
            assertThat(plan.withRole(Role.REFERENCE)).extracting(TableRole::table).contains("film", "address", "city", "country", "language", "actor", "film_actor");
            assertThat(plan.preflight().orphans()).isEmpty();

            assertThat(plan.keyChanges()).extracting(k -> k.key().name(), KeyChange::newColumns).contains(
                    tuple("payment_pkey", List.of("store_id", "payment_date", "payment_id")),
                    tuple("rental_pkey", List.of("store_id", "rental_id")),
                    tuple("idx_unq_rental_rental_date_inventory_id_customer_id", List.of("store_id", "rental_date", "inventory_id", "customer_id")));
            assertThat(plan.keyChanges()).extracting(k -> k.key().table()).doesNotContain("customer", "staff", "film");
            // re-pointed keys keep their names and ON DELETE; ON UPDATE CASCADE, which Citus refuses, is said and left out
            assertThat(plan.foreignKeyChanges()).filteredOn(f -> f.key().name().equals("rental_inventory_id_fkey")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.newColumns()).containsExactly("store_id", "inventory_id");
                        assertThat(f.newReferencedColumns()).containsExactly("store_id", "inventory_id");
                        assertThat(f.clauses()).isEqualTo(" ON DELETE RESTRICT");
                    });
            assertThat(plan.foreignKeyChanges()).filteredOn(f -> f.key().name().startsWith("payment_p2022_0") && f.key().name().endsWith("rental_id_fkey"))
                    .hasSize(6).allSatisfy(f -> assertThat(f.newColumns()).containsExactly("store_id", "rental_id"));
            assertThat(plan.changes(ChangeKind.FOREIGN_KEY_ACTION)).extracting(SemanticChange::text).anySatisfy(t ->
                    assertThat(t).startsWith("foreign key inventory_store_id_fkey ON UPDATE CASCADE on a key that includes store_id: Citus refuses it"));
            assertThat(plan.changes(ChangeKind.UNIQUE_PER_TENANT)).extracting(SemanticChange::text).contains(
                    "unique index idx_unq_manager_staff_id (manager_staff_id) becomes (store_id, manager_staff_id): unique across tenants before, within one tenant after");
            // last_update and the full-text triggers only set NEW's columns
            assertThat(plan.changes(ChangeKind.TRIGGER_UNSAFE)).isEmpty();
            assertThat(plan.changes(ChangeKind.TRIGGER_SAFE)).extracting(SemanticChange::text)
                    .anySatisfy(t -> assertThat(t).startsWith("trigger film_fulltext_trigger (tsvector_update_trigger): safe"))
                    .anySatisfy(t -> assertThat(t).startsWith("trigger last_updated (last_updated): safe"));
            assertThat(plan.settings()).anySatisfy(s -> assertThat(s).startsWith("SET citus.enable_unsafe_triggers = on;"));

            // what a real Citus 13.2 refused (create_reference_table('actor') cascades through the foreign keys to payment's
            // partitions, which declare their own): each shape declared once on payment, payment_p2022_07 checked too
            assertThat(plan.lifts()).extracting(PreparePlan.KeyLift::name, PreparePlan.KeyLift::missing).containsExactly(
                    tuple("payment_customer_id_fkey", List.of("payment_p2022_07")),
                    tuple("payment_rental_id_fkey", List.of("payment_p2022_07")),
                    tuple("payment_staff_id_fkey", List.of("payment_p2022_07")));
            assertThat(plan.lifts().get(1).columns()).containsExactly("store_id", "rental_id");
            assertThat(plan.changes(ChangeKind.FOREIGN_KEY_LIFTED)).extracting(SemanticChange::text).contains("foreign keys "
                    + "payment_p2022_01_rental_id_fkey, payment_p2022_02_rental_id_fkey, payment_p2022_03_rental_id_fkey, "
                    + "payment_p2022_04_rental_id_fkey, payment_p2022_05_rental_id_fkey, payment_p2022_06_rental_id_fkey (rental_id) → rental, "
                    + "declared on 6 of its 7 partitions, become one key payment_rental_id_fkey on payment (Citus refuses a partition's own keys); "
                    + "payment_p2022_07, which had none, is checked by it too");
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.ready()).isTrue();
            assertOrderRespectsForeignKeys(c, plan);
            assertThat(plan.statements()).extracting(CitusStep::sql).contains("SELECT create_distributed_table('store', 'store_id');",
                    "SELECT create_distributed_table('payment', 'store_id', colocate_with => 'store');");
            // rental 2: a customer of store 1 renting a film copy of store 2
            assertThat(PlanReport.lines(plan)).contains(
                    "  rental: 8,018 rows point through rental_customer_id_fkey (customer_id) at a row of customer of another tenant (e.g. 2, 3, 4); customer becomes a reference table",
                    "Ready to prepare.");
        }
    }

    /** The docs' ad analytics schema with generated rows: NULLs and a dangling key on the paths, a view on a key. */
    @Test
    void adAnalyticsByCompany() throws SQLException {
        RealWorldSchemas.adAnalytics("prepare_ads");
        try (Connection c = TestServer.connect("prepare_ads"); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO companies SELECT g, 'c' || g, NULL, now(), now() FROM generate_series(1, 3) g;
                    INSERT INTO campaigns SELECT g, 1 + g % 3, 'camp' || g, 'cpc', 'on', 100, NULL, now(), now() FROM generate_series(1, 9) g;
                    INSERT INTO campaigns VALUES (10, NULL, 'no company', 'cpc', 'on', 1, NULL, now(), now());
                    INSERT INTO ads SELECT g, 1 + g % 10, 'ad' || g, NULL, NULL, 0, 0, now(), now() FROM generate_series(1, 30) g;
                    INSERT INTO ads VALUES (31, NULL, 'no campaign', NULL, NULL, 0, 0, now(), now());
                    INSERT INTO clicks SELECT g, 1 + g % 31, now(), 'x', 0.1, '1.2.3.4', '{}' FROM generate_series(1, 100) g;
                    INSERT INTO clicks VALUES (101, NULL, now(), 'x', 0.1, '1.2.3.4', '{}');
                    SET session_replication_role = replica;
                    INSERT INTO clicks VALUES (102, 999, now(), 'x', 0.1, '1.2.3.4', '{}');
                    RESET session_replication_role;
                    CREATE VIEW campaign_ads AS SELECT c.id, c.name, count(a.id) FROM campaigns c LEFT JOIN ads a ON a.campaign_id = c.id GROUP BY c.id;
                    ALTER TABLE campaigns ADD CONSTRAINT campaigns_name_key UNIQUE (name);
                    CREATE UNIQUE INDEX ads_target_url_idx ON ads (lower(target_url)) WHERE target_url IS NOT NULL;
                    CREATE TABLE click_log (id bigint);
                    CREATE FUNCTION log_click() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO click_log VALUES (NEW.id); RETURN NEW; END $$;
                    CREATE TRIGGER clicks_log AFTER INSERT ON clicks FOR EACH ROW EXECUTE FUNCTION log_click();
                    """);
            PreparePlan plan = Planner.plan(c, new Planner.Options("companies", "company_id", List.of(), List.of()));

            assertThat(plan.tenant()).contains(new PreparePlan.Tenant("companies", "id"));
            assertThat(plan.tables()).extracting(TableRole::table, TableRole::role, TableRole::distributionColumn).containsExactly(
                    tuple("companies", Role.DISTRIBUTED, "id"), tuple("campaigns", Role.DISTRIBUTED, "company_id"),
                    tuple("ads", Role.DISTRIBUTED, "company_id"), tuple("clicks", Role.DISTRIBUTED, "company_id"),
                    tuple("impressions", Role.DISTRIBUTED, "company_id"), tuple("click_log", Role.LOCAL, null), tuple("geo_ips", Role.LOCAL, null));
            assertThat(plan.role("clicks").orElseThrow().path()).hasValueSatisfying(p -> assertThat(p)
                    .hasToString("clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id"));
            assertThat(plan.foreignKeyChanges()).extracting(f -> f.key().name(), ForeignKeyChange::newColumns, ForeignKeyChange::newReferencedColumns)
                    .containsExactly(tuple("ads_campaign_id_fkey", List.of("company_id", "campaign_id"), List.of("company_id", "id")),
                            tuple("clicks_ad_id_fkey", List.of("company_id", "ad_id"), List.of("company_id", "id")),
                            tuple("impressions_ad_id_fkey", List.of("company_id", "ad_id"), List.of("company_id", "id")));
            assertThat(plan.keyChanges()).extracting(k -> k.key().name(), KeyChange::newColumns).contains(
                    tuple("campaigns_pkey", List.of("company_id", "id")), tuple("campaigns_name_key", List.of("company_id", "name")),
                    tuple("ads_target_url_idx", List.of("company_id", "lower(target_url)")));
            assertThat(plan.keyChanges()).extracting(k -> k.key().table()).doesNotContain("companies");
            assertThat(plan.changes(ChangeKind.UNIQUE_PER_TENANT)).extracting(SemanticChange::text).contains(
                    "unique constraint campaigns_name_key (name) becomes (company_id, name): unique across tenants before, within one tenant after",
                    "unique index ads_target_url_idx (lower(target_url)) becomes (company_id, lower(target_url)) WHERE (target_url IS NOT NULL): unique across tenants before, within one tenant after");
            assertThat(plan.changes(ChangeKind.DEPENDENT_VIEW)).extracting(SemanticChange::text)
                    .containsExactly("view campaign_ads depends on campaigns_pkey: dropped and re-created in the same transaction as the key");
            assertThat(plan.changes(ChangeKind.TRIGGER_UNSAFE)).extracting(SemanticChange::text).singleElement().satisfies(t ->
                    assertThat(t).startsWith("trigger clicks_log (log_click): not safe on a distributed table, it fires AFTER"));

            // in the order of the plan's tables
            assertThat(plan.preflight().orphans()).extracting(Orphans::table, Orphans::reason, Orphans::count, Orphans::samples).containsExactly(
                    tuple("campaigns", "NULL company_id", 1L, List.of("10")),
                    tuple("ads", "NULL campaign_id", 1L, List.of("31")),
                    tuple("ads", "NULL company_id in campaigns", 3L, List.of("9", "19", "29")),
                    tuple("clicks", "NULL ad_id", 1L, List.of("101")),
                    tuple("clicks", "ad_id points at no row of ads", 1L, List.of("102")),
                    tuple("clicks", "NULL campaign_id in ads", 3L, List.of("30", "61", "92")),
                    tuple("clicks", "NULL company_id in campaigns", 9L, List.of("8", "18", "28")));
            assertThat(plan.preflight().orphanRows()).isEqualTo(19);
            assertThat(plan.ready()).isFalse();
            assertThat(plan.statements()).extracting(CitusStep::sql).containsExactly(
                    "SELECT create_distributed_table('companies', 'id');",
                    "SELECT create_distributed_table('campaigns', 'company_id', colocate_with => 'companies');",
                    "SELECT create_distributed_table('ads', 'company_id', colocate_with => 'companies');",
                    "SELECT create_distributed_table('clicks', 'company_id', colocate_with => 'companies');",
                    "SELECT create_distributed_table('impressions', 'company_id', colocate_with => 'companies');");
            assertThat(PlanReport.lines(plan)).contains("      company_id from ads.campaign_id → campaigns.id → campaigns.company_id",
                    "Not ready: 19 rows can get no tenant, 1 problem.");

            // --reference and --local override
            PreparePlan overridden = Planner.plan(c, new Planner.Options("companies", "company_id", List.of("geo_ips"), List.of("click_log")));
            assertThat(overridden.role("geo_ips").orElseThrow().role()).isEqualTo(Role.REFERENCE);
            assertThat(overridden.statements()).extracting(CitusStep::sql).startsWith("SELECT create_reference_table('geo_ips');");
        }
    }

    /** ads with a company_id of its own, pointing at campaigns of another company: campaigns becomes a reference table. */
    @Test
    void rowsPointingAtAnotherTenantMakeTheReferencedTableAReferenceTable() throws SQLException {
        RealWorldSchemas.adAnalytics("prepare_ads_cross");
        try (Connection c = TestServer.connect("prepare_ads_cross"); Statement st = c.createStatement()) {
            st.execute("""
                    ALTER TABLE ads ADD COLUMN company_id bigint;
                    INSERT INTO companies SELECT g, 'c' || g, NULL, now(), now() FROM generate_series(1, 2) g;
                    INSERT INTO campaigns SELECT g, 1 + g % 2, 'camp' || g, 'cpc', 'on', 100, NULL, now(), now() FROM generate_series(1, 4) g;
                    INSERT INTO ads (id, campaign_id, company_id, name, created_at, updated_at)
                        SELECT g, 1 + g % 4, 1 + (1 + g % 4) % 2, 'ad' || g, now(), now() FROM generate_series(1, 8) g;
                    UPDATE ads SET company_id = 3 - company_id WHERE id IN (2, 5);
                    """);
            PreparePlan plan = Planner.plan(c, new Planner.Options("companies", "company_id", null, null));
            assertThat(plan.preflight().crossTenant()).singleElement().satisfies(x -> {
                assertThat(x.table()).isEqualTo("ads");
                assertThat(x.key().name()).isEqualTo("ads_campaign_id_fkey");
                assertThat(x.count()).isEqualTo(2);
                assertThat(x.samples()).containsExactly("2", "5");
                assertThat(x.proposal()).isEqualTo("campaigns becomes a reference table");
            });
            assertThat(plan.role("campaigns").orElseThrow().role()).isEqualTo(Role.REFERENCE);
            assertThat(plan.role("ads").orElseThrow().path()).isEmpty();
            assertThat(plan.changes(ChangeKind.FOREIGN_KEY_DROPPED)).extracting(SemanticChange::text).containsExactly(
                    "foreign key campaigns_company_id_fkey (company_id) → companies is dropped: Citus allows no foreign key from a reference table to a distributed table, so company_id is no longer checked");
            assertThat(plan.changes(ChangeKind.BECOMES_REFERENCE)).extracting(SemanticChange::text).containsExactly(
                    "campaigns becomes a reference table, one copy on every node: 2 rows of ads (campaign_id) point at a row of another tenant; its company_id stays an ordinary column");
            assertOrderRespectsForeignKeys(c, plan);
        }
    }

    @Test
    void killbillByTenantRecordId() throws SQLException {   // its speed: scripts/bench-plan
        RealWorldSchemas.killbill("prepare_killbill");
        try (Connection c = TestServer.connect("prepare_killbill")) {
            PreparePlan plan = Planner.plan(c, new Planner.Options(null, "tenant_record_id", null, null));

            assertThat(plan.tables()).hasSize(63);
            assertThat(plan.tenant()).isEmpty();
            assertThat(plan.withRole(Role.REFERENCE)).isEmpty();
            List<TableRole> distributed = plan.withRole(Role.DISTRIBUTED);
            assertThat(distributed).allSatisfy(r -> assertThat(r.path()).isEmpty());
            assertThat(plan.withRole(Role.LOCAL)).extracting(TableRole::table).contains("tenants");
            assertThat(plan.keyChanges()).extracting(k -> k.key().table(), k -> k.key().name(), KeyChange::newColumns).contains(
                    tuple("accounts", "accounts_pkey", List.of("tenant_record_id", "record_id")),
                    tuple("accounts", "accounts_id", List.of("tenant_record_id", "id")));
            // the unique indexes that already hold the column stay as they are
            assertThat(plan.keyChanges()).extracting(k -> k.key().name()).doesNotContain("accounts_external_key");
            assertThat(plan.keyChanges()).extracting(k -> k.key().kind()).contains(SchemaGraph.KeyKind.UNIQUE_INDEX);
            assertThat(plan.statements()).hasSize(distributed.size());
            assertThat(plan.statements().get(0).colocateWith()).isNull();
            assertThat(plan.statements().subList(1, distributed.size())).allSatisfy(s -> assertThat(s.colocateWith()).isEqualTo(plan.statements().get(0).table()));
            assertThat(plan.ready()).isTrue();
        }
    }

    @Test
    void badInputIsOneClearLine() throws SQLException {
        RealWorldSchemas.adAnalytics("prepare_bad");
        try (Connection c = TestServer.connect("prepare_bad"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options("compagnies", null, null, null)))
                    .isInstanceOf(BadPlanInput.class).hasMessage("--tenant: no table \"compagnies\" on the search path");
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options("companies", "compnay_id", null, null)))
                    .isInstanceOf(BadPlanInput.class).hasMessage("no table on the search path has a column \"compnay_id\"");
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options(null, null, null, null)))
                    .isInstanceOf(BadPlanInput.class).hasMessage("say which tenant: --tenant TABLE and/or --column NAME");
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options("companies", "company_id", List.of("geo_ips,nowhere"), null)))
                    .isInstanceOf(BadPlanInput.class).hasMessage("--reference: no table \"nowhere\" on the search path");
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options("companies", "company_id", null, List.of("companies"))))
                    .isInstanceOf(BadPlanInput.class).hasMessage("the tenant table companies is distributed: it cannot be in --reference or --local");
            st.execute("CREATE TABLE budgets (company_id integer, amount numeric)");
            assertThatThrownBy(() -> Planner.plan(c, new Planner.Options("companies", "company_id", null, null)))
                    .isInstanceOf(BadPlanInput.class).hasMessage("budgets.company_id is integer but companies.id is bigint: colocated tables need one type");
        }
    }

    /** Every foreign key between tables the statements create points at a table created before it. */
    private static void assertOrderRespectsForeignKeys(Connection c, PreparePlan plan) throws SQLException {
        List<String> order = plan.statements().stream().map(CitusStep::table).toList();
        SchemaGraph graph = SchemaGraph.read(c);
        for (SchemaGraph.ForeignKey fk : graph.foreignKeys()) {
            boolean dropped = plan.foreignKeyChanges().stream().anyMatch(f -> f.dropped() && f.key().equals(fk));
            if (dropped || fk.table().equals(fk.referencedTable()) || !order.contains(fk.table()) || !order.contains(fk.referencedTable())) continue;
            assertThat(order.indexOf(fk.referencedTable())).as(fk.name()).isLessThan(order.indexOf(fk.table()));
        }
    }
}
