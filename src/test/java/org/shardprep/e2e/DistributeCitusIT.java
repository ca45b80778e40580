package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.shardprep.ExerciseSql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * distribute run for real, on the Citus coordinator named by SHARDPREP_CITUS_URL (a conninfo or URI of a
 * coordinator with its workers, wal_level=logical; skipped without it). The exercise's path up to its key swap,
 * as written, then distribute run through the jar; Citus's own catalog (citus_tables, pg_dist_partition) must
 * then hold the tables as check-distribution planned them. Each test drops what it made before it starts.
 */
@EnabledIfEnvironmentVariable(named = "SHARDPREP_CITUS_URL", matches = ".+", disabledReason = "no Citus: set SHARDPREP_CITUS_URL")
class DistributeCitusIT {

    private static final String CITUS = System.getenv("SHARDPREP_CITUS_URL");

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    @Test
    void distributesTheExerciseColocatedWithStores() throws IOException, SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS line_items, orders, products, stores CASCADE");
            st.execute("DROP FUNCTION IF EXISTS backfill_batch(integer)");
        }
        Path dir = unzippedSample();
        Path script = dir.resolve("exercise.sql");
        Files.writeString(script, ExerciseSql.createTables() + ExerciseSql.copyData() + ExerciseSql.addStoreId()
                + ExerciseSql.backfillFunction() + "SELECT backfill_batch(1000000);\n" + ExerciseSql.keySwap());
        JarRun.Result exercise = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-v", "ON_ERROR_STOP=1", "-f", script.toString(), conninfo()), null, Map.of(), dir);
        assertThat(exercise.exitCode()).as(exercise.err()).isZero();

        JarRun.Result check = shardprep("check-distribution");
        assertThat(check.out()).contains("Ready: 4 tables to distribute on store_id, colocated with stores; no reference tables.");

        JarRun.Result run = shardprep("distribute run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "[1/4] SELECT create_distributed_table('stores', 'store_id');",
                "[2/4] SELECT create_distributed_table('orders', 'store_id', colocate_with => 'stores');",
                "[3/4] SELECT create_distributed_table('products', 'store_id', colocate_with => 'stores');",
                "[4/4] SELECT create_distributed_table('line_items', 'store_id', colocate_with => 'stores');",
                "4 tables distributed on store_id (colocated with stores), 0 reference tables.");

        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT table_name::text, citus_table_type, distribution_column FROM citus_tables "
                    + "WHERE table_name::text IN ('stores', 'orders', 'products', 'line_items') ORDER BY 1")).containsExactly(
                    "line_items|distributed|store_id", "orders|distributed|store_id",
                    "products|distributed|store_id", "stores|distributed|store_id");
            assertThat(rows(c, "SELECT count(DISTINCT colocationid) || '|' || string_agg(DISTINCT partmethod::text, ',') FROM pg_dist_partition "
                    + "WHERE logicalrelid IN ('stores'::regclass, 'orders'::regclass, 'products'::regclass, 'line_items'::regclass)"))
                    .containsExactly("1|h");
            assertThat(rows(c, "SELECT (SELECT count(*) FROM stores) || '|' || (SELECT count(*) FROM products) || '|' "
                    + "|| (SELECT count(*) FROM orders) || '|' || (SELECT count(*) FROM line_items)")).containsExactly("6|24|60|114");
        }

        JarRun.Result again = shardprep("check-distribution");
        assertThat(again.out()).contains("distributed on store_id (colocation anchor), done",
                "Ready, and done: 4 tables distributed on store_id, colocated with stores; no reference tables.").doesNotContain("Statements");
        JarRun.Result rerun = shardprep("distribute run");
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).isEqualTo("Nothing to do: 4 tables distributed on store_id, colocated with stores; no reference tables.\n");
    }

    @Test
    void distributesConcurrentlyWhereCitusAllowsIt() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS shop CASCADE");
            st.execute("CREATE SCHEMA shop");
            st.execute("SET search_path TO shop");
            st.execute("CREATE TABLE themes (theme_id bigint PRIMARY KEY, name text)");
            st.execute("CREATE TABLE shops (store_id bigint PRIMARY KEY, theme_id bigint REFERENCES themes)");
            st.execute("CREATE TABLE visits (store_id bigint REFERENCES shops, visit_id bigint, PRIMARY KEY (store_id, visit_id))");
            st.execute("CREATE TABLE reviews (store_id bigint, review_id bigint, theme_id bigint REFERENCES themes, "
                    + "stars int, PRIMARY KEY (store_id, review_id))");
            st.execute("INSERT INTO themes SELECT i, 'theme ' || i FROM generate_series(1, 3) i");
            st.execute("INSERT INTO shops SELECT i, 1 + i % 3 FROM generate_series(1, 10) i");
            st.execute("INSERT INTO visits SELECT 1 + i % 10, i FROM generate_series(1, 200) i");
            st.execute("INSERT INTO reviews SELECT 1 + i % 10, i, 1 + i % 3, 1 + i % 5 FROM generate_series(1, 200) i");
        }
        JarRun.Result run = JarRun.shardprep(null, "-c", "SET search_path TO shop", "-c", "distribute run --concurrently", conninfo());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "[1/4] SELECT create_reference_table('themes');",
                "[2/4] SELECT create_distributed_table('shops', 'store_id');",
                "      not concurrently: foreign keys of visits point at it",
                "[3/4] SELECT create_distributed_table_concurrently('reviews', 'store_id', colocate_with => 'shops');",
                "[4/4] SELECT create_distributed_table('visits', 'store_id', colocate_with => 'shops');",
                "      not concurrently: its foreign keys point at shops; a concurrent distribution allows keys to reference tables only");
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT table_name::text, citus_table_type, distribution_column FROM citus_tables "
                    + "WHERE table_name::text LIKE 'shop.%' ORDER BY 1")).containsExactly(
                    "shop.reviews|distributed|store_id", "shop.shops|distributed|store_id",
                    "shop.themes|reference|<none>", "shop.visits|distributed|store_id");
            assertThat(rows(c, "SELECT count(DISTINCT colocationid) FROM pg_dist_partition "
                    + "WHERE logicalrelid IN ('shop.shops'::regclass, 'shop.reviews'::regclass, 'shop.visits'::regclass)")).containsExactly("1");
            assertThat(rows(c, "SELECT count(*) FROM shop.reviews")).containsExactly("200");
        }
    }

    private static JarRun.Result shardprep(String command) {
        return JarRun.shardprep(null, "-c", command, conninfo());
    }

    private static String conninfo() {
        return CITUS;
    }

    private static Connection connect() throws SQLException {
        var s = new org.shardprep.connect.ConnectionSettingsResolver(w -> { })
                .resolve(org.shardprep.connect.ConnectionRequest.ofConnInfo(CITUS), Map.of(), Path.of("/nonexistent"));
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcProperties());
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) values.add(rs.getString(i));
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** A directory holding the sample's CSV files, where the exercise's \COPY commands find them. */
    private static Path unzippedSample() throws IOException {
        Path dir = TestFiles.directory("citus-exercise");
        try (InputStream in = Files.newInputStream(SAMPLE_ZIP); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (!e.isDirectory()) Files.copy(zip, dir.resolve(Path.of(e.getName()).getFileName().toString()));
            }
        }
        return dir;
    }
}
