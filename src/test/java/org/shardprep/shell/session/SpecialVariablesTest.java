package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql 15's hooks for its special variables (startup.c, variables.c), as checked against psql 15.20. */
class SpecialVariablesTest {

    @Test
    void aBadValueIsRejectedWithPsqlsMessageAndTheOldOneStays() {
        Variables v = new Variables();
        assertThat(v.set("AUTOCOMMIT", "foo")).isEqualTo("unrecognized value \"foo\" for \"AUTOCOMMIT\": Boolean expected");
        assertThat(v.get("AUTOCOMMIT")).isEqualTo("on");
        assertThat(v.isOn("AUTOCOMMIT")).isTrue();
        assertThat(v.set("VERBOSITY", "loud")).isEqualTo("unrecognized value \"loud\" for \"VERBOSITY\"\n"
                + "Available values are: default, verbose, terse, sqlstate.");
        assertThat(v.get("VERBOSITY")).isEqualTo("default");
        assertThat(v.set("FETCH_COUNT", "10x")).isEqualTo("invalid value \"10x\" for \"FETCH_COUNT\": integer expected");
        assertThat(v.fetchCount()).isZero();
    }

    @Test
    void acceptedValuesAreKeptAsTyped() {
        Variables v = new Variables();
        assertThat(v.set("AUTOCOMMIT", "of")).isNull();   // a prefix of off
        assertThat(v.get("AUTOCOMMIT")).isEqualTo("of");
        assertThat(v.isOn("AUTOCOMMIT")).isFalse();
        assertThat(v.set("ECHO_HIDDEN", "NOEXEC")).isNull();
        assertThat(v.set("ON_ERROR_ROLLBACK", "Interactive")).isNull();
        assertThat(v.set("ON_ERROR_ROLLBACK", "inter")).contains("Available values are: on, off, interactive.");
        assertThat(v.set("COMP_KEYWORD_CASE", "Preserve-Lower")).isNull();
        assertThat(v.set("HIDE_TABLEAM", " on")).isNotNull();   // psql trims nothing
    }

    @Test
    void unsetGivesTheDefaultAndAnEmptyBooleanIsOn() {
        Variables v = new Variables();
        v.unset("AUTOCOMMIT");
        assertThat(v.get("AUTOCOMMIT")).isEqualTo("off");
        v.unset("FETCH_COUNT");
        assertThat(v.get("FETCH_COUNT")).isEqualTo("0");
        v.unset("HISTSIZE");
        assertThat(v.get("HISTSIZE")).isEqualTo("500");
        v.unset("COMP_KEYWORD_CASE");
        assertThat(v.get("COMP_KEYWORD_CASE")).isEqualTo("preserve-upper");
        assertThat(v.set("QUIET", "")).isNull();
        assertThat(v.get("QUIET")).isEqualTo("on");
        assertThat(v.set("ECHO", "")).startsWith("unrecognized value \"\" for \"ECHO\"");
        assertThat(v.set("FETCH_COUNT", "")).isEqualTo("invalid value \"\" for \"FETCH_COUNT\": integer expected");
        v.set("plain", "x");
        v.unset("plain");
        assertThat(v.get("plain")).isNull();
    }

    @Test
    void ignoreEofIsBashsRule() {
        Variables v = new Variables();
        assertThat(v.get("IGNOREEOF")).isEqualTo("0");
        assertThat(v.set("IGNOREEOF", "x")).isNull();
        assertThat(v.get("IGNOREEOF")).isEqualTo("10");
        v.set("IGNOREEOF", "3");
        assertThat(v.get("IGNOREEOF")).isEqualTo("3");
        v.unset("IGNOREEOF");
        assertThat(v.get("IGNOREEOF")).isEqualTo("0");
    }

    @Test
    void integersAsStrtolReadsThem() {
        assertThat(SpecialVariables.parseInt(" 10")).isEqualTo(10);
        assertThat(SpecialVariables.parseInt("0x10")).isEqualTo(16);
        assertThat(SpecialVariables.parseInt("010")).isEqualTo(8);
        assertThat(SpecialVariables.parseInt("-5")).isEqualTo(-5);
        assertThat(SpecialVariables.parseInt("+7")).isEqualTo(7);
        assertThat(SpecialVariables.parseInt("0")).isEqualTo(0);
        assertThat(SpecialVariables.parseInt("10 ")).isNull();
        assertThat(SpecialVariables.parseInt("08")).isNull();
        assertThat(SpecialVariables.parseInt("0x")).isNull();
        assertThat(SpecialVariables.parseInt("")).isNull();
        assertThat(SpecialVariables.parseInt("99999999999")).isNull();
        assertThat(SpecialVariables.parseInt("١٢")).isNull();   // digits, but not ASCII ones
    }

    @Test
    void startsWithPsqlsDefaults() {
        Variables v = new Variables();
        assertThat(v.all()).containsEntry("SHOW_ALL_RESULTS", "on").containsEntry("HIDE_TABLEAM", "off")
                .containsEntry("HISTCONTROL", "none").containsEntry("SHOW_CONTEXT", "errors")
                .containsEntry("LAST_ERROR_SQLSTATE", "00000").containsEntry("LAST_ERROR_MESSAGE", "");
    }
}
