package org.shardprep.e2e;

import org.shardprep.TestFiles;

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
        // psql on this server (no pg_cron) fails the cron.* statements, where shardprep schedules on the
        // client: psql runs the script without them (same lines, same numbers), and shardprep's answers
        // to them are taken out of its output before the comparison
        Path dir = exerciseDirectory();
        Path script = dir.resolve("exercise_blocks.sql");
        Files.writeString(script, Files.readString(SCRIPT).replaceAll("(?m)^SELECT (cron\\.schedule\\(.*|\\* FROM cron\\.job;|cron\\.unschedule\\(.*)$", "-- pg_cron: $0"));
        JarRun.Result expected = JarRun.run(List.of(psql, "-X", "-f", script.toString(),
                TestServer.freshDatabase("e2e_exercise_psql")), null, Map.of(), dir);
        Path spDir = exerciseDirectory();   // unzip again, in a directory of its own, as psql's run did
        Path spScript = spDir.resolve("exercise_blocks.sql");
        Files.copy(SCRIPT, spScript);
        String db = TestServer.freshDatabase("e2e_exercise_sp");
        awayFromAMinuteBoundary();
        JarRun.Result actual = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-f", spScript.toString(), db), null, Map.of(), spDir);

        assertThat(comparable(withoutCronAnswers(actual.out()))).isEqualTo(comparable(expected.out()));
        assertThat(actual.err()).containsOnlyOnce(CLIENT_NOTICE);
        assertThat(actual.err().replace(CLIENT_NOTICE + "\n", "").replace(spScript.toString(), script.toString()))
                .isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
        assertThat(actual.out()).contains(" schedule \n----------\n        1\n(1 row)", " schedule \n----------\n        2\n(1 row)",
                " unschedule \n------------\n t\n(1 row)");
        assertThat(actual.out()).containsPattern("(?m)^     2 \\| \\*/1 \\* \\* \\* \\* \\| SELECT backfill_batch\\(1000000\\); \\| .* \\| backfill$");
    }

    private static final String CLIENT_NOTICE = "NOTICE:  pg_cron is not installed here; scheduling on the client";

    /** shardprep's results of the exercise's cron.schedule, SELECT * FROM cron.job and cron.unschedule. */
    private static String withoutCronAnswers(String out) {
        // with \\timing on, each answer is timed as any statement is
        String time = "(?:Time: [^\n]*\n)?";
        return out.replaceAll(" schedule \n-+\n +\\d+\n\\(1 row\\)\n\n" + time, "")
                .replaceAll(" unschedule \n-+\n t\n\\(1 row\\)\n\n" + time, "")
                .replaceAll("(?m)^ jobid \\|.*\n-+\\+.*\n(?:.*\\|.*\n)*\\(\\d+ rows?\\)\n\n" + time, "");
    }

    /**
     * The exercise schedules its jobs every minute: start the run (a few seconds) just after a minute
     * begins, so that no job falls due before the script ends and the output stays the same.
     */
    private static void awayFromAMinuteBoundary() {
        int second = java.time.LocalTime.now().getSecond();
        if (second < 40) return;
        try {
            Thread.sleep((61 - second) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theExerciseLoadsAndCountsTheSampleData() throws IOException {
        String db = TestServer.freshDatabase("e2e_exercise_counts");
        awayFromAMinuteBoundary();
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-f", SCRIPT.toString(), db), null, Map.of(), exerciseDirectory());
        assertThat(r.out()).contains("COPY 6\n", "COPY 24\n", "COPY 60\n", "COPY 114\n");
        assertThat(r.out()).contains(" count \n-------\n     6\n", " count \n-------\n    24\n", " count \n-------\n    60\n",
                " count \n-------\n   114\n");
        // orders and products got their new keys; the client scheduled backfill_batch every minute, but no
        // minute began during the script, so the line_items swap fails on the NULLs and rolls back, as it
        // does in psql on a server without pg_cron
        assertThat(r.out()).contains("\"orders_pkey\" PRIMARY KEY, btree (store_id, order_id)");
        assertThat(r.err()).contains("ERROR:  column \"store_id\" of relation \"line_items\" contains null values");
        assertThat(r.out()).contains("Time: ");
    }

    /** A fresh directory holding data.zip, where the exercise's \! unzip and \COPY find their files. */
    private static Path exerciseDirectory() throws IOException {
        Path dir = TestFiles.directory("exercise");
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
