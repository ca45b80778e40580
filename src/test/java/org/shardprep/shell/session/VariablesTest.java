package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariablesTest {
    @Test
    void psqlBooleanSpellings() {
        for (String on : new String[] {"on", "ON", "true", "t", "yes", "y", "1"}) assertThat(Variables.parseBoolean(on)).as(on).isTrue();
        for (String off : new String[] {"off", "of", "false", "f", "no", "n", "0"}) assertThat(Variables.parseBoolean(off)).as(off).isFalse();
        assertThat(Variables.parseBoolean("o")).isNull();   // ambiguous, as psql says
        assertThat(Variables.parseBoolean("maybe")).isNull();
    }

    @Test
    void onErrorStopFromMinusV() {
        Variables v = new Variables();
        assertThat(v.onErrorStop()).isFalse();
        v.set("ON_ERROR_STOP", "1");
        assertThat(v.onErrorStop()).isTrue();
    }
}
