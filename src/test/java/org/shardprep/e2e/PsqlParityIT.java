package org.shardprep.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.TestServer;

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
}
