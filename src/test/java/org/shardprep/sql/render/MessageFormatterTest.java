package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.sql.render.MessageFormatter.ShowContext;
import org.shardprep.sql.render.MessageFormatter.Verbosity;

class MessageFormatterTest {

    static Stream<String> names() {
        return ErrorFixtures.cases().keySet().stream();
    }

    /** The server's fields for each case, formatted, equal psql 15's captured output. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void matchesPsqlCapture(String name) {
        ErrorFixtures.Case c = ErrorFixtures.cases().get(name);
        assertThat(MessageFormatter.format(c.message(), c.query(), c.verbosity(), c.showContext()) + "\n")
                .isEqualTo(PsqlFixtures.expected(name));
    }

    @Test
    void defaultShowContextIsErrors() {
        ErrorFixtures.Case c = ErrorFixtures.cases().get("err-plpgsql");
        assertThat(MessageFormatter.format(c.message(), c.query(), Verbosity.DEFAULT))
                .isEqualTo("ERROR:  division by zero\n"
                        + "CONTEXT:  SQL statement \"SELECT 1/0\"\n"
                        + "PL/pgSQL function inline_code_block line 1 at PERFORM");
        ErrorFixtures.Case n = ErrorFixtures.cases().get("notice-do");
        assertThat(MessageFormatter.format(n.message(), n.query(), Verbosity.DEFAULT)).isEqualTo("NOTICE:  hi");
    }

    private static ServerMessage err(int position) {
        return ServerMessage.builder().severity("ERROR").sqlState("42703").message("boom").position(position).build();
    }

    @Test
    void withoutQueryTextThePositionIsAppended() {
        assertThat(MessageFormatter.format(err(15), null, Verbosity.DEFAULT)).isEqualTo("ERROR:  boom at character 15");
    }

    @Test
    void positionBeyondTheQueryShowsNoCursor() {
        assertThat(MessageFormatter.format(err(99), "select 1", Verbosity.DEFAULT)).isEqualTo("ERROR:  boom");
    }

    @Test
    void crLfCountsAsOneLineButLoneCrCounts() {
        assertThat(MessageFormatter.format(err(13), "select\r\n1,\r\nx", Verbosity.DEFAULT))
                .isEqualTo("ERROR:  boom\nLINE 3: x\n        ^");
        assertThat(MessageFormatter.format(err(11), "select\r1,\rx", Verbosity.DEFAULT))
                .isEqualTo("ERROR:  boom\nLINE 3: x\n        ^");
    }

    @Test
    void wideCharactersMoveTheCursorTwoColumns() {
        String q = "select '日本' || x";
        int pos = q.indexOf('x') + 1;
        assertThat(MessageFormatter.format(err(pos), q, Verbosity.DEFAULT))
                .isEqualTo("ERROR:  boom\nLINE 1: select '日本' || x\n                         ^");
    }

    @Test
    void supplementaryCharactersCountAsOneCharacter() {
        // the server counts characters (code points), not UTF-16 units
        String q = "select '\uD83D\uDE00' x";
        int pos = q.codePointCount(0, q.indexOf('x')) + 1;
        assertThat(MessageFormatter.format(err(pos), q, Verbosity.DEFAULT))
                .endsWith("' x\n" + " ".repeat("LINE 1: select '".length() + 2 + 2) + "^");
    }

    @Test
    void internalPositionIsShownInTerseAsText() {
        ServerMessage m = ServerMessage.builder().severity("ERROR").message("boom").internalPosition(3)
                .internalQuery("select x").build();
        assertThat(MessageFormatter.format(m, "do $$ ... $$", Verbosity.TERSE)).isEqualTo("ERROR:  boom at character 3");
        assertThat(MessageFormatter.format(m, "do $$ ... $$", Verbosity.DEFAULT))
                .isEqualTo("ERROR:  boom\nLINE 1: select x\n          ^\nQUERY:  select x");
    }

    @Test
    void verboseListsAllFieldsInLibpqOrder() {
        ServerMessage m = ServerMessage.builder().severity("ERROR").sqlState("23502")
                .message("null value in column \"a\" of relation \"t\" violates not-null constraint")
                .detail("Failing row contains (null).").hint("h").where("w").schema("public").table("t")
                .column("a").datatype("int4").constraint("c").file("execMain.c").line(1883)
                .routine("ExecConstraints").build();
        assertThat(MessageFormatter.format(m, "insert into t values (null)", Verbosity.VERBOSE, ShowContext.ERRORS))
                .isEqualTo("ERROR:  23502: null value in column \"a\" of relation \"t\" violates not-null constraint\n"
                        + "DETAIL:  Failing row contains (null).\n"
                        + "HINT:  h\n"
                        + "CONTEXT:  w\n"
                        + "SCHEMA NAME:  public\n"
                        + "TABLE NAME:  t\n"
                        + "COLUMN NAME:  a\n"
                        + "DATATYPE NAME:  int4\n"
                        + "CONSTRAINT NAME:  c\n"
                        + "LOCATION:  ExecConstraints, execMain.c:1883");
    }
}
