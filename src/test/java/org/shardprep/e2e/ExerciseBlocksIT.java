package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 3's acceptance test: every SQL block of the exercise, in order and as written (unzip, the four
 * \COPY transactions, the counts, \dx, both create_orders versions with \timing, the backfill function, the
 * key swap, \d), run from a script through psql and through the jar on a small data set in the exercise's
 * CSV layout: the same output, apart from the measured times.
 */
class ExerciseBlocksIT {

    private static final Path SCRIPT = E2eScripts.DIR.resolve("exercise_blocks.sql").toAbsolutePath();
    private static final Path DATA_ZIP = E2eScripts.DIR.resolve("exercise-data.zip").toAbsolutePath();

    @Test
    void theExerciseAsWrittenGivesWhatPsqlGives() throws IOException {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        JarRun.Result expected = JarRun.run(List.of(psql, "-X", "-f", SCRIPT.toString(),
                TestServer.freshDatabase("e2e_exercise_psql")), null, Map.of(), exerciseDirectory());
        JarRun.Result actual = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-f", SCRIPT.toString(), TestServer.freshDatabase("e2e_exercise_sp")), null, Map.of(), exerciseDirectory());

        assertThat(comparable(actual.out())).isEqualTo(comparable(expected.out()));
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    @Test
    void theExerciseLoadsAndCountsTheSampleData() throws IOException {
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-f", SCRIPT.toString(), TestServer.freshDatabase("e2e_exercise_counts")), null, Map.of(), exerciseDirectory());
        assertThat(r.out()).contains("COPY 6\n", "COPY 24\n", "COPY 60\n", "COPY 114\n");
        assertThat(r.out()).contains(" count \n-------\n     6\n", " count \n-------\n    24\n", " count \n-------\n    60\n",
                " count \n-------\n   114\n");
        // orders and products got their new keys; without pg_cron nothing ran backfill_batch, so the
        // line_items swap fails on the NULLs and rolls back, exactly as it does in psql on such a server
        assertThat(r.out()).contains("\"orders_pkey\" PRIMARY KEY, btree (store_id, order_id)");
        assertThat(r.err()).contains("ERROR:  column \"store_id\" of relation \"line_items\" contains null values");
        assertThat(r.out()).contains("Time: ");
    }

    /** A fresh directory holding data.zip, where the exercise's \! unzip and \COPY find their files. */
    private static Path exerciseDirectory() throws IOException {
        Path dir = Files.createTempDirectory("exercise");
        Files.copy(DATA_ZIP, dir.resolve("data.zip"));
        return dir;
    }

    /**
     * Without what cannot repeat: measured times, and the NULL count after create_orders(20000), which adds
     * 1 to 3 line items an order at random (the sample's own counts are all below 1000).
     */
    private static String comparable(String out) {
        return out.replaceAll("Time: \\d+\\.\\d{3} ms( \\([^)]*\\))?", "Time: N ms")
                .replaceAll("( count \n-------\n) +\\d{4,}\n", "$1 N\n");
    }
}
