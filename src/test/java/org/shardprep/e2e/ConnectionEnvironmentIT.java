package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server settings libpq takes from the environment at connection start (PGTZ, PGGEQO, PGDATESTYLE), as psql has them. */
class ConnectionEnvironmentIT {

    private static JarRun.Result shardprep(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString()));
        command.addAll(List.of(args));
        return JarRun.run(command, null, env);
    }

    @Test
    void pgtzAndPggeqoSetTheSession() {
        String db = TestServer.freshDatabase("env_settings");
        JarRun.Result r = shardprep(Map.of("PGTZ", "America/Los_Angeles", "PGGEQO", "off"), "-X", "-q", "-At",
                "-c", "show timezone", "-c", "show geqo", "-c", "\\c", "-c", "show timezone", db);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("America/Los_Angeles\noff\nAmerica/Los_Angeles\n");   // \c connects with them again
        assertThat(shardprep(Map.of("PGTZ", "default"), "-X", "-At", "-c", "show timezone", db).out())
                .isNotEqualTo("default\n").doesNotContain("America/Los_Angeles");
    }

    /** PGDATESTYLE's field order decides how dates are read; its output style cannot be had (pgjdbc needs ISO). */
    @Test
    void pgdatestyleGivesItsFieldOrder() {
        String db = TestServer.freshDatabase("env_datestyle");
        JarRun.Result r = shardprep(Map.of("PGDATESTYLE", "Postgres, DMY"), "-X", "-q", "-At",
                "-c", "show datestyle", "-c", "select '01-02-2000'::date = '2000-02-01'", db);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("ISO, DMY\nt\n");
    }

    @Test
    void aValueTheServerRefusesFailsTheConnection() {
        String db = TestServer.freshDatabase("env_settings_bad");
        JarRun.Result r = shardprep(Map.of("PGTZ", "Nowhere/Land"), "-X", "-At", "-c", "select 1", db);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("invalid value for parameter \"TimeZone\": \"Nowhere/Land\"").doesNotContain("Exception");
    }
}
