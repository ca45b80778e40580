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
