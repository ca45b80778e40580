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

/** timing: the exercise's "note the time, compare at the end" as commands, through the jar. */
class TimingIT {

    private static final String DB = TestServer.freshDatabase("e2e_timing");

    @Test
    void labelsHistoryAndCompare() {
        JarRun.Result r = JarRun.shardprep("""
                select pg_sleep(0.4);
                timing label before
                select pg_sleep(0.05);
                timing label after
                timing compare before after
                timing history 2
                """, "-X", "-q", DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("(?m)^ before \\| select pg_sleep\\(0\\.4\\);  \\|   \\d\\.\\d{3} \\| #{40}$");   // the longer entry has the full bar; no bound on the time (the machine may be busy)
        assertThat(r.out()).containsPattern("(?m)^ after  \\| select pg_sleep\\(0\\.05\\); \\|   \\d\\.\\d{3} \\| #{1,39}$");
        assertThat(r.out()).containsPattern("after took \\d+\\.\\d\\dx less time than before\\.");
        assertThat(r.out()).containsPattern("(?m)^ 1 \\| before \\| .* \\| t  \\| select pg_sleep\\(0\\.4\\);$");
    }

    @Test
    void timingOnShowsCommandsAndStatementsAsPsqlWould() {
        JarRun.Result r = JarRun.shardprep("timing on\nselect 1;\ncreate-schema\ntiming off\n", "-X", "-At", DB);
        assertThat(r.out()).matches("(?s)Timing is on\\.\n1\nTime: \\d+\\.\\d{3} ms\nCREATE TABLE stores, products, orders, line_items\n"
                + "Time: \\d+\\.\\d{3} ms\nTiming is off\\.\n");
    }

    /** The exercise times "before", restarts the shell at some point, then compares: the label is kept per database. */
    @Test
    void labelsOutliveTheShellOnTheirDatabaseOnly() throws IOException {
        Path home = TestFiles.directory("shardprep-home");
        JarRun.Result first = inHome(home, "select pg_sleep(0.3);\ntiming label before\n", DB);
        assertThat(first.err()).isEmpty();
        JarRun.Result second = inHome(home, "select pg_sleep(0.05);\ntiming label after\ntiming compare before after\n", DB);
        assertThat(second.err()).isEmpty();
        assertThat(second.out()).containsPattern("(?m)^ before \\| select pg_sleep\\(0\\.3\\);  \\|   \\d\\.\\d{3} \\| #{40}$");
        assertThat(second.out()).containsPattern("after took \\d+\\.\\d\\dx less time than before\\.");
        String other = TestServer.freshDatabase("e2e_timing_other");
        JarRun.Result elsewhere = inHome(home, "timing compare before 1\n", other);
        assertThat(elsewhere.err()).startsWith("timing compare: no entry \"before\"");
    }

    private static JarRun.Result inHome(Path home, String stdin, String db) {
        return JarRun.run(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString(), "-X", "-q", db),
                stdin, Map.of("HOME", home.toString()));
    }

    @Test
    void unknownEntriesAreOneLine() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "timing compare a b", DB);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("timing compare: no entry \"a\" (see timing history; label one with timing label NAME)\n");
    }
}
