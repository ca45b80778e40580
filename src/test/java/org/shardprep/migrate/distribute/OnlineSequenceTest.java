package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.Test;
import org.shardprep.ExerciseSql;
import org.shardprep.TestServer;
import org.shardprep.prepare.Planner;
import org.shardprep.prepare.RealWorldSchemas;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements distribute run --online makes, on the exercise and the three public schemas, prepared (read on a
 * plain PostgreSQL: the sequence is the plan's, whatever server runs it): the foreign keys between the tables off
 * first, reference tables, the anchor and the tables of 20,000 rows or more concurrently, the short copies blocking,
 * the keys back last.
 */
class OnlineSequenceTest {

    private static List<String> online(Connection c, Planner.Options options) throws SQLException {
        return ReadinessCheck.run(c, options).plan().sequence(CopyMode.ONLINE);
    }

    @Test
    void theExerciseAfterItsKeySwap() throws SQLException {
        TestServer.freshDatabase("online_exercise");
        try (Connection c = TestServer.connect("online_exercise"); Statement st = c.createStatement()) {
            ExerciseSql.run(c, ExerciseSql.createTables());
            st.execute("""
                    INSERT INTO stores (name, category) SELECT 'store ' || i, 'Toys' FROM generate_series(1, 3) i;
                    INSERT INTO products (store_id, name, price) SELECT 1 + i % 3, 'product ' || i, i FROM generate_series(1, 30) i;
                    INSERT INTO orders (store_id, status) SELECT 1 + i % 3, 'Pending' FROM generate_series(1, 9000) i;
                    INSERT INTO line_items (product_id, order_id, quantity, line_amount)
                        SELECT p.product_id, o.order_id, 1, p.price FROM orders o JOIN products p USING (store_id) WHERE p.product_id % 3 = 0;
                    """);
            ExerciseSql.run(c, ExerciseSql.addStoreId());
            ExerciseSql.run(c, ExerciseSql.backfillFunction());
            ExerciseSql.run(c, "SELECT backfill_batch(1000000);");
            ExerciseSql.run(c, ExerciseSql.keySwap());
            st.execute("ANALYZE");
            assertThat(online(c, new Planner.Options(null, "store_id", List.of(), List.of()))).containsExactly(
                    "-- off: orders.orders_store_id_fkey, products.products_store_id_fkey, line_items.line_items_orders_fkey, "
                            + "line_items.line_items_products_fkey, line_items.line_items_store_id_fkey",
                    "SELECT create_distributed_table('stores', 'store_id');   -- 3 rows, a short copy",
                    "SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');   -- 9,000 rows, a short copy",
                    "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');   -- 30 rows, a short copy",
                    "SELECT create_distributed_table_concurrently('line_items', 'store_id', colocate_with => 'stores');",
                    "-- back NOT VALID, then validated: orders.orders_store_id_fkey, products.products_store_id_fkey, "
                            + "line_items.line_items_orders_fkey, line_items.line_items_products_fkey, line_items.line_items_store_id_fkey");
        }
    }

    @Test
    void pagilaAdAnalyticsAndKillBillPrepared() throws SQLException {
        RealWorldSchemas.pagila("online_pagila");
        try (Connection c = TestServer.connect("online_pagila")) {
            Planner.Options store = new Planner.Options("store", null, List.of(), List.of());
            prepare(c, store);
            List<String> seq = online(c, store);
            assertThat(seq.get(0)).startsWith("-- off: city.city_country_id_fkey, ").contains(", store.store_address_id_fkey, ");
            assertThat(seq).contains("SET citus.enable_unsafe_triggers = on;   -- for the triggers found safe",
                    "SELECT create_reference_table('actor');   -- a reference table has no concurrent form",
                    "SELECT create_distributed_table('store', 'store_id');   -- 500 rows, a short copy",
                    "SELECT create_distributed_table('rental', 'store_id', colocate_with => 'store');   -- 16,044 rows, a short copy",
                    "SELECT create_distributed_table('payment', 'store_id', colocate_with => 'store');   -- 16,049 rows, a short copy");
            assertThat(seq.get(seq.size() - 1)).startsWith("-- back NOT VALID, then validated: city.city_country_id_fkey, ");
        }
        RealWorldSchemas.adAnalytics("online_ads");
        try (Connection c = TestServer.connect("online_ads"); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO companies SELECT i, 'c' || i, NULL, now(), now() FROM generate_series(1, 5) i;
                    INSERT INTO campaigns SELECT i, i % 5 + 1, 'camp' || i, 'cpc', 'on', i * 10, NULL, now(), now() FROM generate_series(1, 25) i;
                    INSERT INTO ads SELECT i, i % 25 + 1, 'ad' || i, NULL, NULL, i, i, now(), now() FROM generate_series(1, 300) i;
                    INSERT INTO clicks SELECT i, i % 300 + 1, now(), 'site' || i, i / 7.0, '10.0.0.1', '{}' FROM generate_series(1, 25000) i;
                    """);
            Planner.Options companies = new Planner.Options("companies", "company_id", List.of(), List.of());
            prepare(c, companies);
            st.execute("ANALYZE");
            assertThat(online(c, companies)).containsExactly(
                    "-- off: campaigns.campaigns_company_id_fkey, ads.ads_campaign_id_fkey, clicks.clicks_ad_id_fkey, impressions.impressions_ad_id_fkey",
                    "SELECT create_distributed_table('companies', 'id');   -- 5 rows, a short copy",
                    "SELECT create_distributed_table('campaigns', 'company_id', colocate_with => 'companies');   -- 25 rows, a short copy",
                    "SELECT create_distributed_table('ads', 'company_id', colocate_with => 'companies');   -- 300 rows, a short copy",
                    "SELECT create_distributed_table_concurrently('clicks', 'company_id', colocate_with => 'companies');",
                    "SELECT create_distributed_table('impressions', 'company_id', colocate_with => 'companies');   -- 0 rows, a short copy",
                    "-- back NOT VALID, then validated: campaigns.campaigns_company_id_fkey, ads.ads_campaign_id_fkey, clicks.clicks_ad_id_fkey, "
                            + "impressions.impressions_ad_id_fkey");
        }
        RealWorldSchemas.killbill("online_killbill");
        try (Connection c = TestServer.connect("online_killbill")) {
            Planner.Options tenant = new Planner.Options(null, "tenant_record_id", List.of(), List.of());
            prepare(c, tenant);
            List<String> seq = online(c, tenant);
            assertThat(seq).hasSize(49).allSatisfy(s -> assertThat(s).startsWith("SELECT create_distributed_table('")
                    .endsWith("   -- 0 rows, a short copy"));   // no foreign keys, no data: nothing off, every copy short
        }
    }

    /** prepare run --yes on the connection's database, as a user would before distributing. */
    private static void prepare(Connection c, Planner.Options options) throws SQLException {
        try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            org.shardprep.prepare.PrepareCommand command = new org.shardprep.prepare.PrepareCommand(() -> c,
                    new java.io.PrintWriter(java.io.Writer.nullWriter()), () -> TestServer.connect(rs.getString(1)),
                    (q, yes, refusal) -> true, line -> { }, () -> false);
            command.run(options.tenant(), options.column(), options.reference(), options.local(), true);
        }
    }
}
