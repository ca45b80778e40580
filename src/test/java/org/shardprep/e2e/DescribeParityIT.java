package org.shardprep.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The describe commands (\d and friends) on the exercise's schema, before and after its key swap: through psql
 * and through the built jar on the same server, byte for byte, and against the output captured from psql 15
 * (capture_describe.sh) so the check also holds without psql. The same on a PostgreSQL 15 (scripts/pg-cron-server,
 * SHARDPREP_PGCRON_URL), where psql 15 lists databases too; on the embedded PostgreSQL 17, whose pg_database psql
 * 15 cannot read, \l lists them as psql 17 does.
 */
class DescribeParityIT {

    /** psql 17's listAllDbs columns, without and with +. */
    private static final List<String> PSQL17_DATABASE_COLUMNS = List.of("Name", "Owner", "Encoding", "Locale Provider",
            "Collate", "Ctype", "Locale", "ICU Rules", "Access privileges");
    private static final List<String> PSQL17_DATABASE_VERBOSE_COLUMNS = List.of("Name", "Owner", "Encoding",
            "Locale Provider", "Collate", "Ctype", "Locale", "ICU Rules", "Access privileges", "Size", "Tablespace",
            "Description");

    static Stream<Arguments> cases() {
        Path dir = E2eScripts.DIR;
        String before = dir.resolve("describe_before.sql").toString();
        String after = dir.resolve("describe_after.sql").toString();
        String schema = dir.resolve("exercise_schema.sql").toString();
        String catalog = dir.resolve("describe_catalog.sql").toString();
        String echoHidden = dir.resolve("describe_echo_hidden.sql").toString();
        return Stream.of(
                Arguments.of("describe_catalog", List.of("-f", catalog)),
                Arguments.of("describe_catalog.stop", List.of("-v", "ON_ERROR_STOP=1", "-f", catalog)),
                Arguments.of("describe_before", List.of("-f", before)),
                Arguments.of("describe_after", List.of("-f", schema, "-f", after)),
                Arguments.of("describe_before.quiet", List.of("-q", "-f", before)),
                Arguments.of("describe_before.stop", List.of("-v", "ON_ERROR_STOP=1", "-f", before)),
                Arguments.of("describe_more", List.of("-f", dir.resolve("describe_more.sql").toString())),
                Arguments.of("describe_echo_hidden", List.of("-f", echoHidden)),
                Arguments.of("describe_echo_hidden.E", List.of("-E", "-v", "ON_ERROR_STOP=1", "-f", echoHidden)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameOutputAsPsql(String name, List<String> flags) {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        List<String> psqlCmd = new ArrayList<>(List.of(psql, "-X"));
        psqlCmd.addAll(flags);
        psqlCmd.add(TestServer.freshDatabase(database(name, "psql")));
        JarRun.Result expected = JarRun.run(psqlCmd, null, Map.of());

        JarRun.Result actual = shardprep(name, flags, "sp");

        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCapturedPsqlOutput(String name, List<String> flags) throws IOException {
        JarRun.Result actual = shardprep(name, flags, "exp");

        Path expected = E2eScripts.DIR.resolve("expected").resolve(name);
        assertThat(actual.out()).isEqualTo(read(expected + ".out"));
        assertThat(actual.err()).isEqualTo(read(expected + ".err"));
        assertThat(String.valueOf(actual.exitCode())).isEqualTo(read(expected + ".status").strip());
    }

    static Stream<Arguments> casesOn15() {
        String databases = E2eScripts.DIR.resolve("describe_databases.sql").toString();
        String collations = E2eScripts.DIR.resolve("describe_collations.sql").toString();
        return Stream.concat(cases(), Stream.of(Arguments.of("describe_databases", List.of("-f", databases)), hidden(),
                Arguments.of("describe_collations", List.of("-f", collations))));
    }

    /** HIDE_TABLEAM and HIDE_TOAST_COMPRESSION on, as pg_regress runs psql; the script turns them off itself. */
    private static Arguments hidden() {
        return Arguments.of("describe_hidden", List.of("-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on",
                "-f", E2eScripts.DIR.resolve("describe_hidden.sql").toString()));
    }

    /** Not among the captured cases: its \dt+ shows the owner, which is whoever runs the tests' server. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenCase")
    void hiddenAccessMethodAndCompressionAsPsql(String name, List<String> flags) {
        sameOutputAsPsql(name, flags);
    }

    static Stream<Arguments> hiddenCase() {
        return Stream.of(hidden());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesOn15")
    void sameOutputAsPsqlOnPostgres15(String name, List<String> flags) {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        String server = postgres15();
        List<String> psqlCmd = new ArrayList<>(List.of(psql, "-X"));
        psqlCmd.addAll(flags);
        psqlCmd.add(freshDatabaseOn(server, database(name, "psql15")));
        JarRun.Result expected = JarRun.run(psqlCmd, null, Map.of());
        assertThat(expected.err()).doesNotContain("does not exist");

        List<String> args = new ArrayList<>(List.of("-X"));
        args.addAll(flags);
        args.add(freshDatabaseOn(server, database(name, "sp15")));
        JarRun.Result actual = JarRun.shardprep(null, args.toArray(String[]::new));

        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    @org.junit.jupiter.api.Test
    void dashLListsThePostgres15DatabasesAsPsql15() {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        String server = postgres15();
        JarRun.Result expected = JarRun.run(List.of(psql, "-X", "-l", server), null, Map.of());
        JarRun.Result actual = JarRun.shardprep(null, "-X", "-l", server);
        assertThat(expected.exitCode()).isZero();
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEmpty();
        assertThat(actual.exitCode()).isZero();
    }

    @org.junit.jupiter.api.Test
    void databasesOnPostgres17AreListedAsPsql17ListsThem() throws Exception {
        assumeTrue(serverVersion() >= 170000, "the test server is not PostgreSQL 17");
        String script = E2eScripts.DIR.resolve("describe_databases.sql").toString();
        JarRun.Result r = shardprep("describe_databases", List.of("-v", "ON_ERROR_STOP=1", "-f", script), "sp17");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<List<String>> headers = headers(r.out());
        assertThat(headers).containsExactly(PSQL17_DATABASE_COLUMNS, PSQL17_DATABASE_VERBOSE_COLUMNS,
                PSQL17_DATABASE_COLUMNS, PSQL17_DATABASE_COLUMNS);
        assertThat(r.out()).containsPattern("(?m)^ template1 +\\| \\w+ +\\| UTF8 +\\| (libc|icu|builtin) +\\|")
                .contains("default template for new databases").contains("(0 rows)");

        JarRun.Result l = JarRun.shardprep(null, "-X", "-l", TestServer.conninfo("postgres"));
        assertThat(l.err()).isEmpty();
        assertThat(l.exitCode()).isZero();
        assertThat(headers(l.out())).containsExactly(PSQL17_DATABASE_COLUMNS);
        assertThat(l.out()).contains(" template0 ").contains(" postgres ");
    }

    /** psql 17's listCollations columns, without and with +. */
    private static final List<String> PSQL17_COLLATION_COLUMNS = List.of("Schema", "Name", "Provider", "Collate", "Ctype",
            "Locale", "ICU Rules", "Deterministic?");

    /** \dO on 16 and later, whose pg_collation psql 15 cannot read: psql 17's columns, and the collations found. */
    @org.junit.jupiter.api.Test
    void collationsOnPostgres17AreListedAsPsql17ListsThem() throws Exception {
        assumeTrue(serverVersion() >= 170000, "the test server is not PostgreSQL 17");
        String script = E2eScripts.DIR.resolve("describe_collations.sql").toString();
        JarRun.Result r = shardprep("describe_collations", List.of("-v", "ON_ERROR_STOP=0", "-f", script), "sp17");
        assertThat(r.exitCode()).isZero();
        List<String> verbose = new ArrayList<>(PSQL17_COLLATION_COLUMNS);
        verbose.add("Description");
        assertThat(headers(r.out())).containsExactly(PSQL17_COLLATION_COLUMNS, verbose, PSQL17_COLLATION_COLUMNS,
                verbose, PSQL17_COLLATION_COLUMNS);
        assertThat(r.out()).containsPattern("(?m)^ coll +\\| bytewise +\\| libc +\\| C +\\| C +\\| +\\| +\\| yes$")
                .contains("Provider       | libc");
        assertThat(r.err()).isEqualTo("shardprep:" + script + ":13: error: improper qualified name (too many dotted names): a.b.c.d\n"
                + "shardprep:" + script + ":14: error: cross-database references are not implemented: other_db.coll.bytewise\n");
    }

    /** The column names of each table printed (the line before each rule line). */
    private static List<List<String>> headers(String out) {
        List<String> lines = out.lines().toList();
        List<List<String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).matches("-+(\\+-+)*")) {
                headers.add(Stream.of(lines.get(i - 1).split("\\|")).map(String::strip).toList());
            }
        }
        return headers;
    }

    private static int serverVersion() throws Exception {
        try (var c = TestServer.connect("postgres"); var st = c.createStatement();
             var rs = st.executeQuery("show server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    /** The PostgreSQL 15 of scripts/pg-cron-server; the tests on it are skipped without one. */
    private static String postgres15() {
        String url = System.getenv("SHARDPREP_PGCRON_URL");
        assumeTrue(url != null && !url.isBlank(), "SHARDPREP_PGCRON_URL is not set (scripts/pg-cron-server)");
        JarRun.Result version = JarRun.run(List.of(JarRun.psql(), "-X", "-At", "-c", "show server_version_num", url), null, Map.of());
        assertThat(version.out()).as("scripts/pg-cron-server's version").startsWith("15");
        return url;
    }

    /** A database of its own on that server, created empty; its conninfo. */
    private static String freshDatabaseOn(String server, String db) {
        JarRun.Result made = JarRun.run(List.of(JarRun.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-c", "drop database if exists " + db + " with (force)", "-c", "create database " + db, server), null, Map.of());
        assertThat(made.exitCode()).as(made.err()).isZero();
        return server.replaceFirst("dbname=\\S+", "dbname=" + db);
    }

    private static JarRun.Result shardprep(String name, List<String> flags, String tool) {
        List<String> args = new ArrayList<>(List.of("-X"));
        args.addAll(flags);
        args.add(TestServer.freshDatabase(database(name, tool)));
        return JarRun.shardprep(null, args.toArray(String[]::new));
    }

    private static String database(String name, String tool) {
        return ("e2e_" + name.replace('.', '_') + "_" + tool).toLowerCase();
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }
}
