package org.shardprep.shell;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShellCommandLineTest {

    private static final Map<String, String> VARS = Map.of("scale", "0.1", "name", "it's", "tbl", "Line Items");

    private static String run(String line) {
        return ShellCommandLine.interpolate(line, VARS::get);
    }

    @Test
    void namesOutsideQuotesTakeTheirValues() {
        assertThat(run("load-all --scale :scale --fresh")).isEqualTo("load-all --scale 0.1 --fresh");
        assertThat(run("backfill start --table :\"tbl\"")).isEqualTo("backfill start --table \"Line Items\"");
        assertThat(run("schedule j '1 seconds' :'name'")).isEqualTo("schedule j '1 seconds' 'it''s'");
    }

    @Test
    void quotedTextAndUnknownNamesStayAsTyped() {
        assertThat(run("schedule j '*/1 * * * *' 'SELECT :scale'")).isEqualTo("schedule j '*/1 * * * *' 'SELECT :scale'");
        assertThat(run("simulate-orders start --rate 600/min --for :nope")).isEqualTo("simulate-orders start --rate 600/min --for :nope");
        assertThat(run("x :'nope' :\"nope\" : :: a:")).isEqualTo("x :'nope' :\"nope\" : :: a:");
        assertThat(run("x \"say :scale\" :scale")).isEqualTo("x \"say :scale\" 0.1");
    }
}
