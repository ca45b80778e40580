package org.shardprep.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end scripts against expected files captured from psql 15 (see capture.sh beside them), so
 * the comparison also holds on a machine without psql.
 */
class ExpectedOutputIT {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.shardprep.e2e.E2eScripts#cases")
    void matchesCapturedPsqlOutput(String script, String variant, List<String> flags) throws IOException {
        String file = E2eScripts.DIR.resolve(script + ".sql").toString();
        List<String> args = new ArrayList<>(List.of("-X"));
        args.addAll(flags);
        args.addAll(List.of("-f", file, TestServer.freshDatabase(E2eScripts.databaseFor(script, variant, "exp"))));
        JarRun.Result actual = JarRun.shardprep(null, args.toArray(String[]::new));

        Path expected = E2eScripts.DIR.resolve("expected").resolve(script + "." + variant);
        assertThat(actual.out()).isEqualTo(Files.readString(Path.of(expected + ".out"), StandardCharsets.UTF_8));
        assertThat(sourceLinesOut(actual.err()))
                .isEqualTo(sourceLinesOut(Files.readString(Path.of(expected + ".err"), StandardCharsets.UTF_8)));
        assertThat(String.valueOf(actual.exitCode()))
                .isEqualTo(Files.readString(Path.of(expected + ".status"), StandardCharsets.UTF_8).strip());
    }

    /**
     * \errverbose's LOCATION lines name the server's source line, which differs between the PostgreSQL 15 the
     * files were captured on and the tests' server; the function and file must still match.
     */
    private static String sourceLinesOut(String err) {
        return err.replaceAll("(?m)^(LOCATION:  .*):\\d+$", "$1:N");
    }
}
