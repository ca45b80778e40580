package org.shardprep.e2e;

import org.shardprep.TestFiles;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.shardprep.QueryRows;
import org.shardprep.TestServer;
import org.shardprep.dataset.TailspinSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** load-all through the built jar on the embedded server: sources, refusals, bad rows, Ctrl-C, end state. */
class LoadAllIT {

    private static final Path SAMPLE_ZIP = E2eScripts.SAMPLE_ZIP;

    @Test
    void loadsTheZipAndChecksTheCounts() {
        String db = TestServer.freshDatabase("load_zip");
        JarRun.Result r = JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP, db);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(" stores     |    6 |", " line_items |  114 |",
                "Counts: stores 6, products 24, orders 60, line_items 114");
    }

    @Test
    void endStateIsExactlyTheExercisePaths() throws Exception {
        Path dir = unzipSample();
        String viaExercise = "load_catalog_exercise";
        TestServer.freshDatabase(viaExercise);
        exercisePath(viaExercise, dir);
        String db = TestServer.freshDatabase("load_catalog_ours");
        JarRun.Result r = JarRun.shardprep(null, "-q", "-c", "load-all --from " + dir, db);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(catalog("load_catalog_ours")).isEqualTo(catalog(viaExercise));
    }

    @Test
    void tablesWithRowsAreReplacedOnlyWithFreshAndYes() {
        String db = TestServer.freshDatabase("load_refuse");
        assertThat(JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP, db).exitCode()).isZero();
        JarRun.Result again = JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP, db);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("tables already hold rows: line_items (114 rows), orders (60 rows), "
                + "products (24 rows), stores (6 rows); load-all --fresh replaces them\n");
        JarRun.Result noYes = JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP + " --fresh", db);
        assertThat(noYes.err()).contains("add --yes to confirm in a script");
        // a source that is not there is said first: nothing is asked about tables it would not replace
        JarRun.Result missing = JarRun.shardprep(null, "-c", "load-all --from /nonexistent --fresh", db);
        assertThat(missing.err()).isEqualTo("/nonexistent: No such file or directory; nothing changed\n");
        assertThat(missing.exitCode()).isEqualTo(1);
        JarRun.Result yes = JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP + " --fresh --yes", db);
        assertThat(yes.exitCode()).as(yes.err()).isZero();
    }

    @Test
    void aBadRowNamesFileLineAndColumnAndChangesNothing() throws Exception {
        String db = TestServer.freshDatabase("load_bad");
        assertThat(JarRun.shardprep(null, "-c", "load-all --from " + SAMPLE_ZIP, db).exitCode()).isZero();
        Path dir = unzipSample();
        replaceLine(dir.resolve("orders_2.csv"), 17, l -> l.replaceFirst("^(\\d+),", "$1x,"));
        JarRun.Result r = JarRun.shardprep(null, "-c", "load-all --from " + dir + " --fresh --yes", db);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(dir.resolve("orders_2.csv") + ": line 17, column order_id: invalid input syntax for type "
                + "bigint: \"47x\"; nothing was loaded, the database is as it was\n");
        assertThat(count(db("load_bad"), "orders")).isEqualTo(60);
        assertThat(count(db("load_bad"), "pg_namespace where nspname = 'shardprep_load'")).isZero();
    }

    @Test
    void wrongColumnCountAndForeignKeyMissAreNamedToo() throws Exception {
        String db = TestServer.freshDatabase("load_bad_fk");
        Path dir = unzipSample();
        replaceLine(dir.resolve("products.csv"), 3, l -> l + ",extra");
        JarRun.Result columns = JarRun.shardprep(null, "-c", "load-all --from " + dir, db);
        assertThat(columns.err()).startsWith(dir.resolve("products.csv") + ": line 3: extra data after last expected column");

        Path fk = unzipSample();
        replaceLine(fk.resolve("line_items_2.csv"), 9, l -> l.replaceFirst("^(\\d+),(\\d+),(\\d+),", "$1,$2,99999,"));
        JarRun.Result miss = JarRun.shardprep(null, "-c", "load-all --from " + fk, db);
        assertThat(miss.err()).isEqualTo(fk.resolve("line_items_2.csv") + ": line 9, column order_id: order_id 99999 is not "
                + "present in table \"orders\"; nothing was loaded, the database is as it was\n");
        assertThat(count(db("load_bad_fk"), "pg_tables where tablename = 'orders'")).isZero();
    }

    @Test
    void loadsFromAUrl() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] zip = Files.readAllBytes(SAMPLE_ZIP);
        http.createContext("/data/data.zip", ex -> {
            ex.sendResponseHeaders(200, zip.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(zip);
            }
        });
        http.start();
        try {
            String db = TestServer.freshDatabase("load_url");
            Path home = TestFiles.directory("home");
            JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-c",
                    "load-all --from http://127.0.0.1:" + http.getAddress().getPort() + "/data/data.zip", db),
                    null, Map.of("HOME", home.toString()));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("Counts: stores 6, products 24, orders 60, line_items 114");
            assertThat(home.resolve(".shardprep/data/downloads/data.zip")).exists();
        } finally {
            http.stop(0);
        }
    }

    @Test
    void generatedDataSetIsTheDefault() throws Exception {
        String db = TestServer.freshDatabase("load_generated");
        Path home = TestFiles.directory("home");
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-c",
                "load-all --scale 0.01", db), null, Map.of("HOME", home.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Counts: stores 5, products 100, orders 19997, line_items 40030 (as expected)");
        assertThat(home.resolve(".shardprep/data/scale-0.01/stores.csv")).exists();
    }

    @Test
    void ctrlCCancelsTheLoadAndChangesNothing() throws Exception {
        String db = TestServer.freshDatabase("load_cancel");
        Path data = TestFiles.directory("gen");
        JarRun.Result gen = JarRun.shardprep(null, "-c", "generate-data --scale 0.3 --out " + data, db);
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        ProcessBuilder pb = new ProcessBuilder(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-c",
                "load-all --from " + data, db);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process p = pb.start();
        // wait until the staging schema exists: the load is under way
        long deadline = System.currentTimeMillis() + 30_000;
        while (count(db("load_cancel"), "pg_namespace where nspname = 'shardprep_load'") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes());
        assertThat(p.exitValue()).as(err).isNotZero();
        assertThat(err).contains("load cancelled; nothing was loaded, the database is as it was");
        assertThat(count(db("load_cancel"), "pg_tables where schemaname = 'public'")).isZero();
        assertThat(count(db("load_cancel"), "pg_namespace where nspname = 'shardprep_load'")).isZero();
    }

    // ---- helpers

    private static String db(String name) { return name; }

    private static long count(String db, String from) throws SQLException {
        return QueryRows.count(db, from);
    }

    /** The exercise's own way: its CREATE TABLEs, then each table's files COPYed and its sequence set, in order. */
    private static void exercisePath(String db, Path dir) throws Exception {
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            s.execute(TailspinSchema.DDL);
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            for (String t : TailspinSchema.TABLES) {
                List<InputStream> parts = new ArrayList<>();
                try (var files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        if (t.equals(TailspinSchema.tableOfFile(f.getFileName().toString()))) parts.add(Files.newInputStream(f));
                    }
                }
                try (InputStream all = new SequenceInputStream(Collections.enumeration(parts))) {
                    copy.copyIn("COPY " + t + " FROM STDIN WITH CSV" + (t.equals("stores") ? " HEADER" : ""), all);
                }
                s.execute("SELECT setval('" + TailspinSchema.sequence(t) + "', MAX(" + TailspinSchema.idColumn(t) + ")) FROM " + t);
            }
        }
    }

    /** What psql's \d would show of the four tables and their sequences, as comparable text. */
    private static List<String> catalog(String db) throws SQLException {
        List<String> rows = new ArrayList<>();
        String[] queries = {
            "select table_name, ordinal_position, column_name, data_type, is_nullable, coalesce(column_default, '') "
                + "from information_schema.columns where table_schema = 'public' order by 1, 2",
            "select conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid), convalidated "
                + "from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2",
            "select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by 1, 2",
            "select sequencename, last_value, increment_by, data_type from pg_sequences where schemaname = 'public' order by 1",
            "select s.relname, t.relname, a.attname from pg_depend d join pg_class s on s.oid = d.objid "
                + "join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid "
                + "where s.relkind = 'S' and d.deptype = 'a' order by 1",
            "select relname, relkind, relpersistence from pg_class where relnamespace = 'public'::regnamespace order by 1",
            "select count(*) from stores union all select count(*) from products union all select count(*) from orders "
                + "union all select count(*) from line_items"};
        rows.addAll(QueryRows.of(db, queries));
        return rows;
    }

    private static Path unzipSample() throws IOException {
        Path dir = TestFiles.directory("sample");
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(SAMPLE_ZIP))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) Files.copy(zin, dir.resolve(e.getName()));
        }
        return dir;
    }

    private static void replaceLine(Path file, int lineNo, java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(lineNo - 1, change.apply(lines.get(lineNo - 1)));
        Files.write(file, lines);
    }
}
