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
 * (capture_describe.sh) so the check also holds without psql.
 */
class DescribeParityIT {

    static Stream<Arguments> cases() {
        Path dir = E2eScripts.DIR;
        String before = dir.resolve("describe_before.sql").toString();
        String after = dir.resolve("describe_after.sql").toString();
        String schema = dir.resolve("exercise_schema.sql").toString();
        return Stream.of(
                Arguments.of("describe_before", List.of("-f", before)),
                Arguments.of("describe_after", List.of("-f", schema, "-f", after)),
                Arguments.of("describe_before.quiet", List.of("-q", "-f", before)),
                Arguments.of("describe_before.stop", List.of("-v", "ON_ERROR_STOP=1", "-f", before)));
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
