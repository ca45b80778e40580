package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.TestFiles;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The strongest check there is: the same script through psql and through the built shardprep jar, each on
 * a fresh database of the same server, must print the same bytes and exit with the same status.
 */
class PsqlParityIT {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.shardprep.e2e.E2eScripts#cases")
    void sameOutputAsPsql(String script, String variant, List<String> flags) {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        String file = E2eScripts.DIR.resolve(script + ".sql").toString();

        List<String> psqlCmd = new ArrayList<>(List.of(psql, "-X"));
        psqlCmd.addAll(flags);
        psqlCmd.addAll(List.of("-f", file, TestServer.freshDatabase(E2eScripts.databaseFor(script, variant, "psql"))));
        JarRun.Result expected = JarRun.run(psqlCmd, null, Map.of());

        List<String> ours = new ArrayList<>(List.of("-X"));
        ours.addAll(flags);
        ours.addAll(List.of("-f", file, TestServer.freshDatabase(E2eScripts.databaseFor(script, variant, "sp"))));
        JarRun.Result actual = JarRun.shardprep(null, ours.toArray(String[]::new));

        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    /**
     * \prompt and \w (prompt_write.sql), with answers on standard input: through psql and the jar, each
     * in a directory of its own (\w writes there), and against psql 15's output captured the same way.
     */
    @Test
    void promptAndWriteAsPsql() throws IOException {
        sameAsPsqlInOwnDirectory("prompt_write", List.of(), "Ann Smith\n42\nvalue for bad\n");
    }

    /**
     * SINGLELINE from the command line (-v SINGLELINE=on): a line end sends a statement with nothing open; a quote,
     * parenthesis, dollar quote or comment left open carries it on to the next line (single_line.sql).
     */
    @Test
    void singleLineEndsStatementsAtLineEndsAsPsql() throws IOException {
        sameAsPsqlInOwnDirectory("single_line", List.of("-v", "SINGLELINE=on"), null);
    }

    /** &#92;set SINGLELINE on mid-script, then &#92;unset (single_line_set.sql). */
    @Test
    void singleLineSetMidScriptAsPsql() throws IOException {
        sameAsPsqlInOwnDirectory("single_line_set", List.of(), null);
    }

    /**
     * -s (SINGLESTEP) in a script: each query (\gexec's, \gset's and \copy's too) shown and a line of standard
     * input read for it, "x" cancels the second (single_step.sql).
     */
    @Test
    void singleStepAsksBeforeEachQueryAsPsql() throws IOException {
        sameAsPsqlInOwnDirectory("single_step", List.of("-s"), "\nx\n\n\n\n\n\n\n");
    }

    /**
     * Where psql differs by design from a line-based reading, shardprep follows it: -S, and -s with the script and
     * the answers on the same standard input (the answer takes two characters of the next line), and with -c (the
     * text is sent whole, not line by line; "x" cancels it: status 1), and -1 (its BEGIN and COMMIT are not stepped).
     */
    @Test
    void singleLineAndStepFromTheCommandLineAsPsql() throws IOException {
        Path script = Files.writeString(TestFiles.file("single", ".sql"), "select 1 as one\nselect 'a\nb' as two\n");
        Path steps = Files.writeString(TestFiles.file("steps", ".sql"), "select 1 as one;\nselect 2 as two;\n");
        sameAsPsql("single_cli_big_s", null, "-S", "-f", script.toString());
        sameAsPsql("single_cli_pipe", "select 1 as one;\nselect 2 as two;\nselect 3 as three;\n", "-s");
        sameAsPsql("single_cli_c", "x\n", "-s", "-S", "-c", "select 1\nselect 2");
        sameAsPsql("single_cli_c2", "\n", "-s", "-c", "select 1 as one");
        sameAsPsql("single_cli_1", "\n\n", "-1", "-s", "-e", "-f", steps.toString());
        sameAsPsql("single_cli_stop", "x\n", "-s", "-v", "ON_ERROR_STOP=1", "-f", steps.toString());
    }

    /**
     * The startup file, as psql 15 reads it: ~/.psqlrc, ~/.psqlrc-15 before it, $PSQLRC (a ~ in it expanded) instead of
     * both; a \\q or ON_ERROR_STOP there ends the file, not the session; -X reads none.
     */
    @Test
    void startupFileAsPsql() throws IOException {
        Path home = TestFiles.directory("rc-home");
        Files.writeString(home.resolve(".psqlrc"), "\\pset null '(plain)'\n\\set ON_ERROR_STOP on\nselect nosuch;\nselect 2 as not_run;\n");
        sameAsPsqlWithHome("rc_plain", home, Map.of(), "-c", "select null as x");
        sameAsPsqlWithHome("rc_plain_x", home, Map.of(), "-X", "-c", "select null as x");
        Files.writeString(home.resolve(".psqlrc-15"), "\\echo fifteen\n\\pset null '(15)'\n\\q\nselect 3 as not_run;\n");
        sameAsPsqlWithHome("rc_major", home, Map.of(), "-c", "select null as x");
        Files.writeString(home.resolve("other"), "\\set QUIET on\n\\pset null '(other)'\n");
        sameAsPsqlWithHome("rc_env", home, Map.of("PSQLRC", "~/other"), "-c", "select null as x");
        sameAsPsqlWithHome("rc_env_missing", home, Map.of("PSQLRC", "~/missing"), "-c", "select null as x");
    }

    /** As {@link #sameAsPsql}, without -X, under HOME {@code home} and {@code env}: what the startup file does. */
    private static void sameAsPsqlWithHome(String db, Path home, Map<String, String> env, String... args) {
        Map<String, String> withHome = new java.util.HashMap<>(env);
        withHome.put("HOME", home.toString());
        sameAsPsql(db, null, withHome, List.of(args));
    }

    /** The jar and psql with the same arguments and standard input, each on a fresh database; neither reads a startup file. */
    private static void sameAsPsql(String db, String stdin, String... args) {
        List<String> withX = new ArrayList<>(List.of("-X"));
        withX.addAll(List.of(args));
        sameAsPsql(db, stdin, Map.of(), withX);
    }

    private static void sameAsPsql(String db, String stdin, Map<String, String> env, List<String> args) {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        List<String> psqlCmd = new ArrayList<>(List.of(psql));
        psqlCmd.addAll(args);
        psqlCmd.add(TestServer.freshDatabase(db + "_psql"));
        JarRun.Result expected = JarRun.run(psqlCmd, stdin, env);
        List<String> ours = JarRun.shardprepCommand();
        ours.addAll(args);
        ours.add(TestServer.freshDatabase(db + "_sp"));
        JarRun.Result actual = JarRun.run(ours, stdin, env);
        assertThat(actual.out()).as(db).isEqualTo(expected.out());
        assertThat(actual.err()).as(db).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).as(db).isEqualTo(expected.exitCode());
    }

    /** \copyright: a deliberate difference (README): PostgreSQL's licence named, its text not carried. */
    @Test
    void copyrightNamesPostgresqlsLicence() {
        JarRun.Result r = JarRun.shardprep(null, "-X", "-c", "\\copyright", TestServer.conninfo("postgres"));
        assertThat(r.out()).isEqualTo("shardprep is a client of PostgreSQL, not PostgreSQL itself.\n"
                + "PostgreSQL is distributed under the PostgreSQL License: https://www.postgresql.org/about/licence/\n\n");
        assertThat(r.exitCode()).isZero();
    }

    /**
     * \lo_import, \lo_export, \lo_unlink (large_objects.sql, with -q: the OIDs they print differ from run to run),
     * then what they print without -q.
     */
    @Test
    void largeObjectCommandsAsPsql() throws IOException {
        Path dir = sameAsPsqlInOwnDirectory("large_objects", List.of("-q"), null);
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(), "-X",
                "-c", "\\lo_import in.txt", "-c", "\\lo_unlink :LASTOID", TestServer.conninfo("large_objects_sp")), null, Map.of(), dir);
        assertThat(r.out()).matches("lo_import (\\d+)\nlo_unlink \\1\n");
        assertThat(r.exitCode()).isZero();
    }

    /** \restrict and &#92;unrestrict (restrict.sql), as pg_dump's scripts use them since 15.14. */
    @Test
    void restrictedModeAsPsql() throws IOException {
        sameAsPsqlInOwnDirectory("restrict", List.of(), null);
    }

    /**
     * The script copied into a directory of its own and run there as "-f SCRIPT.sql" by the jar, compared with
     * psql 15's output captured so (expected/SCRIPT.*) and, where psql is installed, with psql's now; the jar's
     * directory.
     */
    private static Path sameAsPsqlInOwnDirectory(String script, List<String> flags, String stdin) throws IOException {
        Path dir = TestFiles.directory(script + "_sp");
        JarRun.Result actual = inDirectory(dir, List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString()),
                script, flags, stdin, script + "_sp");
        Path expected = E2eScripts.DIR.resolve("expected").resolve(script);
        assertThat(actual.out()).isEqualTo(Files.readString(Path.of(expected + ".out")));
        assertThat(actual.err()).isEqualTo(Files.readString(Path.of(expected + ".err")));
        assertThat(String.valueOf(actual.exitCode())).isEqualTo(Files.readString(Path.of(expected + ".status")).strip());

        String psql = JarRun.psql();
        if (psql != null) {
            JarRun.Result reference = inDirectory(TestFiles.directory(script + "_psql"), List.of(psql), script, flags, stdin,
                    script + "_psql");
            assertThat(actual.out()).isEqualTo(reference.out());
            assertThat(actual.err()).isEqualTo(E2eScripts.normalize(reference.err()));
        }
        return dir;
    }

    private static JarRun.Result inDirectory(Path dir, List<String> client, String script, List<String> flags, String stdin,
                                             String db) throws IOException {
        Files.copy(E2eScripts.DIR.resolve(script + ".sql"), dir.resolve(script + ".sql"));
        List<String> command = new ArrayList<>(client);
        command.add("-X");
        command.addAll(flags);
        command.addAll(List.of("-f", script + ".sql", TestServer.freshDatabase(db)));
        return JarRun.run(command, stdin, Map.of(), dir);
    }
}
