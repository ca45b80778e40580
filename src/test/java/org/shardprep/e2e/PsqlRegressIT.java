package org.shardprep.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shardprep.TestFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * psql_crosstab.sql must agree whole. psql.sql does not yet (\d variants still to come, and what the list names),
 * so the input lines whose output may still differ are listed in psql-regress/psql.sql.known-differences, each
 * with its command; any other input line printing otherwise fails, with its first differing line. A whole-file
 * assertion would keep CI red for work in progress; a first-difference ratchet would guard nothing after the
 * first known difference; a share of identical lines could pass while one line broke. The list is to shrink: the
 * test names the listed lines that agree now, to be taken out (it does not fail on them, so that work merged
 * elsewhere does not turn CI red).
 */
class PsqlRegressIT {

    private static final Path SOURCE = Path.of("..", "shared", "psql-regress").toAbsolutePath().normalize();
    private static final Path KNOWN = Path.of("src", "test", "resources", "psql-regress", "psql.sql.known-differences");

    /** pg_regress's environment for psql (pg_regress.c, initialize_environment). */
    private static final Map<String, String> ENV = Map.of(
            "LANG", "C", "LC_MESSAGES", "C", "PGTZ", "America/Los_Angeles", "PGDATESTYLE", "Postgres, MDY",
            "PGOPTIONS", "-c intervalstyle=postgres_verbose", "PG_ABS_SRCDIR", SOURCE.toString());

    private static String server;
    private static String psql;
    /** Why the tests cannot run here, or null; each test is skipped with it (so the reports show it). */
    private static String unavailable;

    @BeforeAll
    static void reference() {
        unavailable = reasonToSkip();
    }

    @BeforeEach
    void available() {
        assumeTrue(unavailable == null, unavailable);
    }

    private static String reasonToSkip() {
        if (!Files.isRegularFile(SOURCE.resolve("psql.sql"))) {
            return SOURCE + " is missing (psql's regression tests are kept beside the checkout, in shared/psql-regress)";
        }
        psql = JarRun.psql();
        if (psql == null) return "psql is not installed";
        String version = JarRun.run(List.of(psql, "--version"), null, Map.of()).out();
        if (!version.matches("(?s)psql \\(PostgreSQL\\) 15\\..*")) return "psql is not psql 15: " + version.strip();
        String url = System.getenv("SHARDPREP_PSQL_REGRESS_URL");
        if (url == null || url.isBlank()) return "SHARDPREP_PSQL_REGRESS_URL is not set (scripts/psql-regress-server)";
        server = url.replaceAll("(^|\\s)dbname=\\S*", " ").strip();
        JarRun.Result v = JarRun.run(List.of(psql, "-X", "-At", "-c", "show server_version_num", server + " dbname=postgres"), null, Map.of());
        if (v.exitCode() != 0) return "the PostgreSQL 15 server cannot be reached: " + v.err().strip();
        if (!v.out().startsWith("15")) return "the server is not PostgreSQL 15: " + v.out().strip();
        return null;
    }

    @Test
    void crosstabAgreesWhole() throws IOException {
        RegressComparison c = compare("psql_crosstab.sql");
        if (!c.differingInputLines().isEmpty()) fail(c.report(c.differingInputLines().iterator().next()));
        System.out.println("psql_crosstab.sql: " + c.summary());
    }

    @Test
    void psqlAgreesButForTheKnownDifferences() throws IOException {
        Set<Integer> known = new TreeSet<>();
        for (String l : Files.readAllLines(KNOWN)) {
            if (!l.startsWith("#") && !l.isBlank()) known.add(Integer.parseInt(l.strip().split("\\s+", 2)[0]));
        }
        RegressComparison c = compare("psql.sql");
        List<Integer> unknown = c.differingInputLines().stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            StringBuilder all = new StringBuilder();
            for (int n : unknown) all.append("\n").append(n).append("  ").append(c.input().get(Math.max(n - 1, 0)).strip());
            fail(c.report(unknown.get(0)) + "\nthe input lines that print otherwise and are not in " + KNOWN + ":" + all);
        }
        Set<Integer> agreeing = new TreeSet<>(known);
        agreeing.removeAll(c.differingInputLines());
        System.out.println("psql.sql: " + c.summary() + (agreeing.isEmpty() ? ""
                : "; these lines of " + KNOWN + " print as psql's now, take them out: " + agreeing));
    }

    /** The file through psql and through shardprep, each on a fresh "regression" with the setup loaded. */
    private RegressComparison compare(String file) throws IOException {
        String input = Files.readString(SOURCE.resolve(file));
        List<String> expected = run(List.of(psql), input);
        List<String> actual = run(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toAbsolutePath().toString()), input);
        return RegressComparison.of(file, lines(input), expected, actual);
    }

    /** pg_regress's psql command line (psql_start_test), with this client; its output as lines. */
    private static List<String> run(List<String> client, String input) {
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-X", "-a", "-q", "-d", freshRegression(), "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on"));
        return lines(merged(command, input));
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

    private static List<String> lines(String text) {
        return List.of((text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1));
    }
}
