package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's ParseVariableBool, as checked against psql 15's \if. */
class BooleanValueTest {

    @Test
    void wordsAndPrefixesInAnyCase() {
        for (String t : new String[] {"true", "t", "TR", "True", "yes", "y", "YE", "on", "ON", "1"}) {
            assertThat(BooleanValue.parse(t)).as(t).isTrue();
        }
        for (String f : new String[] {"false", "f", "FAL", "no", "n", "NO", "off", "of", "OfF", "0"}) {
            assertThat(BooleanValue.parse(f)).as(f).isFalse();
        }
    }

    @Test
    void notBooleans() {
        // "o" could be on or off; nothing is trimmed; only exactly 1 and 0 count as numbers
        for (String bad : new String[] {"", "o", "O", " true", "true ", "true false", "ony", "offf", "01", "2", "\"true\"", "banana"}) {
            assertThat(BooleanValue.parse(bad)).as("'" + bad + "'").isNull();
        }
        assertThat(BooleanValue.parse(null)).isNull();
    }

    @Test
    void psqlsMessage() {
        assertThat(BooleanValue.expected("x", "\\if expression"))
                .isEqualTo("unrecognized value \"x\" for \"\\if expression\": Boolean expected");
    }

    @Test
    void variablesStillIgnoreSurroundingBlanks() {
        assertThat(Variables.parseBoolean(" on ")).isTrue();
        assertThat(Variables.parseBoolean("o")).isNull();
    }
}
