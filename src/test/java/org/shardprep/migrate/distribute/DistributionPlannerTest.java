package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;

import org.junit.jupiter.api.Test;
import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.migrate.distribute.DistributionPlan.Role;
import org.shardprep.migrate.distribute.DistributionPlan.Step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, order, colocation and Citus's rules, on schemas described here the way the catalog would report them. */
class DistributionPlannerTest {

    /** The exercise's tables after its key swap. */
    private static Schema exerciseAfterTheSwap() {
        return new Schema()
                .table("stores", "store_id bigint!, name text", "store_id")
                .table("products", "product_id bigint!, store_id bigint!, name text", "store_id", "product_id")
                .table("orders", "order_id bigint!, store_id bigint!, status text", "store_id", "order_id")
                .table("line_items", "line_item_id bigint!, product_id bigint, order_id bigint, store_id bigint!", "store_id", "line_item_id")
                .fk("products", "products_store_id_fkey", "store_id", "stores", "store_id")
                .fk("orders", "orders_store_id_fkey", "store_id", "stores", "store_id")
                .fk("line_items", "line_items_orders_fkey", "store_id, order_id", "orders", "store_id, order_id")
                .fk("line_items", "line_items_products_fkey", "store_id, product_id", "products", "store_id, product_id")
                .fk("line_items", "line_items_store_id_fkey", "store_id", "stores", "store_id");
    }

    @Test
    void theExerciseAfterTheSwapIsDistributedColocatedWithStores() {
        DistributionPlan plan = exerciseAfterTheSwap().plan();
        assertThat(plan.ready()).isTrue();
        assertThat(plan.anchor()).contains("stores");
        assertThat(plan.steps()).extracting(Step::sql).containsExactly(
                "SELECT create_distributed_table('stores', 'store_id');",
                "SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
                "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
                "SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');");
        assertThat(plan.entries()).allSatisfy(e -> assertThat(e.notes()).isEmpty());
    }

    @Test
    void tablesWithoutTheColumnThatDistributedTablesPointAtBecomeReferenceTablesFirst() {
        DistributionPlan plan = exerciseAfterTheSwap()
                .table("categories", "category_id bigint!, group_id bigint, name text", "category_id")
                .table("category_groups", "group_id bigint!, name text", "group_id")
                .table("audit_log", "id bigint!, message text", "id")
                .column("products", "category_id bigint")
                .fk("products", "products_category_fkey", "category_id", "categories", "category_id")
                .fk("categories", "categories_group_fkey", "group_id", "category_groups", "group_id")
                .plan();
        assertThat(plan.ready()).isTrue();
        assertThat(plan.entries()).extracting(Entry::name, Entry::role).startsWith(
                org.assertj.core.groups.Tuple.tuple("category_groups", Role.REFERENCE),
                org.assertj.core.groups.Tuple.tuple("categories", Role.REFERENCE),
                org.assertj.core.groups.Tuple.tuple("stores", Role.DISTRIBUTED));
        assertThat(plan.entry("audit_log").orElseThrow().role()).isEqualTo(Role.LOCAL);
        assertThat(plan.entry("audit_log").orElseThrow().notes())
                .containsExactly("stays a plain table on the coordinator: it has no store_id and no distributed table refers to it");
        assertThat(plan.steps()).extracting(Step::sql).containsExactly(
                "SELECT create_reference_table('category_groups');",
                "SELECT create_reference_table('categories');",
                "SELECT create_distributed_table('stores', 'store_id');",
                "SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
                "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
                "SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');");
        assertThat(plan.entries()).extracting(Entry::name).endsWith("audit_log");
        assertThat(ReadinessReport.verdict(plan))
                .isEqualTo("Ready: 4 tables to distribute on store_id, colocated with stores; 2 reference tables.");
    }

    @Test
    void keysMustHoldTheColumnOnBothSidesAtTheSamePosition() {
        DistributionPlan plan = exerciseAfterTheSwap()
                .fk("line_items", "line_items_order_twisted_fkey", "store_id, order_id", "orders", "order_id, store_id")
                .unique("orders", "orders_status_key", "status")
                .uniqueIndex("products", "products_name_idx", "name")
                .uniqueIndex("products", "products_store_name_idx", "store_id, name")
                .plan();
        assertThat(problems(plan)).containsExactly(
                "orders: unique constraint orders_status_key (status) does not include store_id",
                "products: unique index products_name_idx (name) does not include store_id",
                "line_items: foreign key line_items_order_twisted_fkey (store_id, order_id) references orders (order_id, store_id) without store_id; run swap-pk");
        assertThat(plan.entry("products").orElseThrow().keys().unique()).isEqualTo(DistributionPlan.Answer.NO);
        assertThat(plan.entry("stores").orElseThrow().keys().unique()).isEqualTo(DistributionPlan.Answer.NONE);
    }

    @Test
    void nullsTypesTriggersAndCyclesAreProblems() {
        Schema schema = exerciseAfterTheSwap()
                .table("coupons", "coupon_id bigint!, store_id integer, redeemed_by bigint", "coupon_id")
                .table("redemptions", "redemption_id bigint!, store_id bigint!, coupon_id bigint", "store_id", "redemption_id")
                .fk("coupons", "coupons_redemption_fkey", "store_id, redeemed_by", "redemptions", "store_id, redemption_id")
                .fk("redemptions", "redemptions_coupon_fkey", "store_id, coupon_id", "coupons", "store_id, coupon_id")
                .trigger("orders", "orders_audit")
                .nullRows("coupons", 7);
        DistributionPlan plan = schema.plan();
        assertThat(problems(plan)).containsExactly(
                "orders: trigger orders_audit: Citus distributes no table with triggers (drop it, or SET citus.enable_unsafe_triggers)",
                "coupons: store_id is integer here but bigint in stores: colocated tables need one type",
                "coupons: 7 rows have no store_id (NULL): backfill them",
                "coupons: primary key coupons_pkey (coupon_id) does not include store_id; run swap-pk",
                "coupons: its foreign keys and those of redemptions form a cycle: Citus needs each referenced table distributed before the tables that reference it",
                "redemptions: its foreign keys and those of coupons form a cycle: Citus needs each referenced table distributed before the tables that reference it");
        assertThat(ReadinessReport.verdict(plan)).isEqualTo("Not ready: 6 blocking problems.");
    }

    @Test
    void aNullableColumnWithoutNullsIsOnlyANoteWhenNoPrimaryKeyWillFixIt() {
        DistributionPlan plan = exerciseAfterTheSwap()
                .table("page_views", "store_id bigint, url text")
                .plan();
        assertThat(plan.ready()).isTrue();
        assertThat(plan.entry("page_views").orElseThrow().notes())
                .containsExactly("store_id allows NULL, and Citus refuses rows without it: SET NOT NULL");
        assertThat(plan.entry("page_views").orElseThrow().keys().primaryKey()).isEqualTo(DistributionPlan.Answer.NONE);
    }

    @Test
    void whatCitusAlreadyHasIsSkippedAndStillTheAnchor() {
        DistributionPlan plan = exerciseAfterTheSwap()
                .citus("stores", CitusServer.Kind.DISTRIBUTED, "store_id", 3)
                .citus("orders", CitusServer.Kind.DISTRIBUTED, "store_id", 3)
                .plan();
        assertThat(plan.ready()).isTrue();
        assertThat(plan.anchor()).contains("stores");
        assertThat(plan.entries()).extracting(Entry::name, Entry::done).containsExactly(
                org.assertj.core.groups.Tuple.tuple("stores", true), org.assertj.core.groups.Tuple.tuple("orders", true),
                org.assertj.core.groups.Tuple.tuple("products", false), org.assertj.core.groups.Tuple.tuple("line_items", false));
        assertThat(plan.steps()).extracting(Step::sql).containsExactly(
                "SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
                "SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');");
        assertThat(ReadinessReport.verdict(plan))
                .isEqualTo("Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables (2 done already).");

        DistributionPlan all = exerciseAfterTheSwap()
                .citus("stores", CitusServer.Kind.DISTRIBUTED, "store_id", 3).citus("orders", CitusServer.Kind.DISTRIBUTED, "store_id", 3)
                .citus("products", CitusServer.Kind.DISTRIBUTED, "store_id", 3).citus("line_items", CitusServer.Kind.DISTRIBUTED, "store_id", 3)
                .plan();
        assertThat(all.steps()).isEmpty();
        assertThat(ReadinessReport.verdict(all))
                .isEqualTo("Ready, and done: 4 tables distributed on store_id, colocated with stores; no reference tables.");

        DistributionPlan elsewhere = exerciseAfterTheSwap().citus("orders", CitusServer.Kind.DISTRIBUTED, "order_id", 4).plan();
        assertThat(problems(elsewhere)).containsExactly(
                "orders: Citus already distributes it on order_id, not store_id (undistribute_table first)",
                "line_items: foreign key line_items_orders_fkey (store_id, order_id) references orders (store_id, order_id) without store_id; run swap-pk");
    }

    @Test
    void theFirstTableCreatedIsTheAnchorWhenTheTenantTableReferencesAnother() {
        DistributionPlan plan = new Schema()
                .table("tenants", "store_id bigint!, plan_store bigint", "store_id")
                .table("plans", "store_id bigint!, plan_id bigint!", "store_id", "plan_id")
                .fk("tenants", "tenants_plan_fkey", "store_id, plan_store", "plans", "store_id, plan_id")
                .plan();
        assertThat(plan.anchor()).contains("plans");
        assertThat(plan.steps()).extracting(Step::sql).containsExactly(
                "SELECT create_distributed_table('plans', 'store_id');",
                "SELECT create_distributed_table('tenants', 'store_id', colocate_with => 'plans');");
    }

    @Test
    void concurrentlyOnlyWhereCitusAllowsIt() {
        DistributionPlan plan = exerciseAfterTheSwap()
                .table("themes", "theme_id bigint!, name text", "theme_id")
                .table("store_settings", "store_id bigint!, theme_id bigint", "store_id")
                .fk("store_settings", "store_settings_theme_fkey", "theme_id", "themes", "theme_id")
                .plan();
        assertThat(plan.steps()).extracting(s -> s.table() + ": " + plan.concurrentBlocker(s).orElse("concurrently")).containsExactly(
                "themes: a reference table has no concurrent form",
                "stores: foreign keys of line_items, orders, products point at it",
                "orders: foreign keys of line_items point at it",
                "products: foreign keys of line_items point at it",
                "line_items: its foreign keys point at orders, products, stores; a concurrent distribution allows keys to reference tables only",
                "store_settings: concurrently");
        Step settings = plan.steps().stream().filter(s -> s.table().equals("store_settings")).findFirst().orElseThrow();
        assertThat(settings.sql(true)).isEqualTo("SELECT create_distributed_table_concurrently('store_settings', 'store_id', colocate_with => 'stores');");
    }

    @Test
    void namesAreQuotedAsSqlLiterals() {
        Step step = new Step("\"Tenant's\"", Role.DISTRIBUTED, "store_id", "stores");
        assertThat(step.sql()).isEqualTo("SELECT create_distributed_table('\"Tenant''s\"', 'store_id', colocate_with => 'stores');");
        assertThat(new Step("regions", Role.REFERENCE, null, null).sql()).isEqualTo("SELECT create_reference_table('regions');");
    }

    private static List<String> problems(DistributionPlan plan) {
        return plan.entries().stream().flatMap(e -> e.problems().stream().map(p -> e.name() + ": " + p)).toList();
    }

    /** Tables as TableKeys would read them: columns ("name type", ! for NOT NULL), keys, and what points where. */
    private static final class Schema {
        private final Map<String, Map<String, TableKeys.Column>> columns = new LinkedHashMap<>();
        private final Map<String, TableKeys.Key> primaryKeys = new LinkedHashMap<>();
        private final Map<String, List<TableKeys.Key>> uniques = new LinkedHashMap<>();
        private final Map<String, List<TableKeys.Index>> indexes = new LinkedHashMap<>();
        private final List<TableKeys.ForeignKey> foreignKeys = new ArrayList<>();
        private final Map<String, List<String>> triggers = new LinkedHashMap<>();
        private final Map<String, Long> nullRows = new LinkedHashMap<>();
        private final Map<String, CitusServer.CitusTable> citus = new LinkedHashMap<>();

        Schema table(String name, String columnSpec, String... primaryKey) {
            columns.put(name, new LinkedHashMap<>());
            uniques.put(name, new ArrayList<>());
            indexes.put(name, new ArrayList<>());
            for (String spec : columnSpec.split(",\\s*")) column(name, spec);
            if (primaryKey.length > 0) {
                primaryKeys.put(name, new TableKeys.Key(name + "_pkey", List.of(primaryKey), name + "_pkey"));
                indexes.get(name).add(new TableKeys.Index(name + "_pkey", List.of(primaryKey), true, true, true));
            }
            return this;
        }

        Schema column(String table, String spec) {
            String[] parts = spec.split(" ");
            boolean notNull = parts[1].endsWith("!");
            columns.get(table).put(parts[0], new TableKeys.Column(parts[0], parts[1].replace("!", ""), notNull));
            return this;
        }

        Schema fk(String table, String name, String cols, String target, String targetCols) {
            foreignKeys.add(new TableKeys.ForeignKey(name, table, list(cols), target, list(targetCols), true));
            return this;
        }

        Schema unique(String table, String name, String cols) {
            uniques.get(table).add(new TableKeys.Key(name, list(cols), name));
            indexes.get(table).add(new TableKeys.Index(name, list(cols), true, true, false));
            return this;
        }

        Schema uniqueIndex(String table, String name, String cols) {
            indexes.get(table).add(new TableKeys.Index(name, list(cols), true, true, false));
            return this;
        }

        Schema trigger(String table, String name) {
            triggers.computeIfAbsent(table, t -> new ArrayList<>()).add(name);
            return this;
        }

        Schema nullRows(String table, long n) {
            nullRows.put(table, n);
            return this;
        }

        Schema citus(String table, CitusServer.Kind kind, String column, long colocationId) {
            citus.put(table, new CitusServer.CitusTable(table, kind, column, colocationId));
            return this;
        }

        DistributionPlan plan() {
            List<TableSurvey> surveys = new ArrayList<>();
            long oid = 16384;
            for (String name : columns.keySet()) {
                List<TableKeys.ForeignKey> own = foreignKeys.stream().filter(fk -> fk.table().equals(name)).toList();
                List<TableKeys.ForeignKey> in = foreignKeys.stream().filter(fk -> fk.referencedTable().equals(name)).toList();
                TableKeys keys = new TableKeys(name, "public", name, oid++, columns.get(name), Optional.ofNullable(primaryKeys.get(name)),
                        uniques.get(name), own, in, List.of(), indexes.get(name));
                surveys.add(new TableSurvey(keys, 10, false, nullRows.getOrDefault(name, 0L), triggers.getOrDefault(name, List.of()),
                        Optional.ofNullable(citus.get(name))));
            }
            return DistributionPlanner.plan(surveys, "store_id", citus);
        }

        private static List<String> list(String cols) {
            return Arrays.asList(cols.split(",\\s*"));
        }
    }
}
