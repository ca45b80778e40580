package org.shardprep.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psql 15's own regression tests (psql.sql, psql_crosstab.sql; ../shared/psql-regress, see its SOURCE) run as
 * pg_regress runs them, through psql 15 and through the built jar, each on a fresh database "regression" of the
 * same PostgreSQL 15 (scripts/psql-regress-server; its conninfo in SHARDPREP_PSQL_REGRESS_URL: psql 15 does not
 * know a newer server's catalogs, so not the embedded 17). The outputs (stdout and stderr together, as
 * pg_regress keeps them) must agree line for line; a failure prints the first differing line.
 *
 * psql_crosstab.sql must agree whole. psql.sql does not yet (\d variants still to come), so it is held by a
 * ratchet: the line of its first difference is recorded in psql-regress/psql.sql.first-difference and may not
 * come earlier. A whole-file assertion would keep CI red for work in progress; a looser check (a share of
 * identical lines, or a diff count) could pass while a line near the top broke. The ratchet fails on any new
 * difference before the recorded line, and says when the line can be raised.
 */
class PsqlRegressIT {

    private static final Path SOURCE = Path.of("..", "shared", "psql-regress").toAbsolutePath().normalize();
    private static final Path RATCHET = Path.of("src", "test", "resources", "psql-regress", "psql.sql.first-difference");

    /** pg_regress's environment for psql (pg_regress.c, initialize_environment). */
    private static final Map<String, String> ENV = Map.of(
            "LANG", "C", "LC_MESSAGES", "C", "PGTZ", "America/Los_Angeles", "PGDATESTYLE", "Postgres, MDY",
            "PGOPTIONS", "-c intervalstyle=postgres_verbose", "PG_ABS_SRCDIR", SOURCE.toString());

    private static String server;
    private static String psql;

    @BeforeAll
    static void reference() {
        assumeTrue(Files.isRegularFile(SOURCE.resolve("psql.sql")),
                SOURCE + " is missing (psql's regression tests are kept beside the checkout, in shared/psql-regress)");
        psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        String version = JarRun.run(List.of(psql, "--version"), null, Map.of()).out();
        assumeTrue(version.matches("(?s)psql \\(PostgreSQL\\) 15\\..*"), "psql is not psql 15: " + version.strip());
        String url = System.getenv("SHARDPREP_PSQL_REGRESS_URL");
        assumeTrue(url != null && !url.isBlank(), "SHARDPREP_PSQL_REGRESS_URL is not set (scripts/psql-regress-server)");
        server = url.replaceAll("(^|\\s)dbname=\\S*", " ").strip();
        JarRun.Result v = JarRun.run(List.of(psql, "-X", "-At", "-c", "show server_version_num", server + " dbname=postgres"), null, Map.of());
        assumeTrue(v.exitCode() == 0, "the PostgreSQL 15 server cannot be reached: " + v.err().strip());
        assumeTrue(v.out().startsWith("15"), "the server is not PostgreSQL 15: " + v.out().strip());
    }

    @Test
    void crosstabAgreesWhole() throws IOException {
        Comparison c = compare("psql_crosstab.sql");
        if (c.firstDifference() > 0) fail(c.report());
        System.out.println("psql_crosstab.sql: " + c.summary());
    }

    @Test
    void psqlAgreesAtLeastUpToTheRecordedLine() throws IOException {
        int recorded = Integer.parseInt(Files.readAllLines(RATCHET).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow().strip());
        Comparison c = compare("psql.sql");
        if (c.firstDifference() > 0 && c.firstDifference() < recorded) {
            fail("the first difference came earlier than line " + recorded + " (" + RATCHET + ")\n" + c.report());
        }
        System.out.println("psql.sql: " + c.summary() + (c.firstDifference() == 0 || c.firstDifference() > recorded
                ? "; further than the recorded line " + recorded + ": raise it in " + RATCHET : ""));
        if (c.firstDifference() > 0) System.out.println(c.report());
    }

    /** The file through psql and through shardprep, each on a fresh "regression" with the setup loaded. */
    private Comparison compare(String file) throws IOException {
        String input = Files.readString(SOURCE.resolve(file));
        List<String> expected = run(List.of(psql), input);
        List<String> actual = run(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toAbsolutePath().toString()), input);
        return Comparison.of(file, expected, actual);
    }

    /** pg_regress's psql command line (psql_start_test), with this client; its output as lines. */
    private static List<String> run(List<String> client, String input) {
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-X", "-a", "-q", "-d", freshRegression(), "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on"));
        String out = merged(command, input);
        return List.of((out.endsWith("\n") ? out.substring(0, out.length() - 1) : out).split("\n", -1));
    }

    /** pg_regress's database: dropped and made again from template0 with its settings, test_setup.sql loaded. */
    private static String freshRegression() {
        JarRun.Result made = JarRun.run(List.of(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", server + " dbname=postgres",
                "-c", "DROP DATABASE IF EXISTS regression WITH (FORCE)",
                "-c", "CREATE DATABASE regression TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'",
                "-c", "ALTER DATABASE regression SET lc_messages TO 'C'", "-c", "ALTER DATABASE regression SET lc_monetary TO 'C'",
                "-c", "ALTER DATABASE regression SET lc_numeric TO 'C'", "-c", "ALTER DATABASE regression SET lc_time TO 'C'",
                "-c", "ALTER DATABASE regression SET bytea_output TO 'hex'",
                "-c", "ALTER DATABASE regression SET timezone_abbreviations TO 'Default'"), null, Map.of("PGOPTIONS", "-c client_min_messages=warning"));
        assertThat(made.exitCode()).as(made.err()).isZero();
        String db = server + " dbname=regression";
        // Debian ships no regress.so: the setup's three C functions fail, as they do for psql (psql.sql uses none)
        JarRun.Result setup = JarRun.run(List.of(psql, "-X", "-q", "-d", db), readSetup(), ENV);
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        return db;
    }

    private static String readSetup() {
        try {
            return Files.readString(SOURCE.resolve("test_setup.sql"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** stdout and stderr in one stream, as pg_regress's "> out 2>&1", in a scratch working directory. */
    private static String merged(List<String> command, String input) {
        List<String> sh = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\" 2>&1"));
        sh.addAll(command);
        return JarRun.run(sh, input, ENV, TestFiles.directory("psql-regress")).out();
    }

    /** Where two outputs part: the first differing line (1-based; 0 when they agree). */
    record Comparison(String file, List<String> expected, List<String> actual, int firstDifference) {

        static Comparison of(String file, List<String> expected, List<String> actual) {
            int n = Math.min(expected.size(), actual.size());
            for (int i = 0; i < n; i++) {
                if (!expected.get(i).equals(actual.get(i))) return new Comparison(file, expected, actual, i + 1);
            }
            return new Comparison(file, expected, actual, expected.size() == actual.size() ? 0 : n + 1);
        }

        String summary() {
            int identical = firstDifference == 0 ? expected.size() : firstDifference - 1;
            return identical + "/" + expected.size() + " lines identical" + (firstDifference == 0 ? "" : " before the first difference");
        }

        String report() {
            return file + ": first difference at line " + firstDifference + " (" + summary() + ")\n"
                    + "  psql:      " + line(expected, firstDifference) + "\n"
                    + "  shardprep: " + line(actual, firstDifference);
        }

        private static String line(List<String> lines, int number) {
            return number <= lines.size() ? "\"" + lines.get(number - 1) + "\"" : "(no more lines)";
        }
    }
}
