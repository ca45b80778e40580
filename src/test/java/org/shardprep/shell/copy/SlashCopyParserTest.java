package org.shardprep.shell.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected SQL texts and messages are psql 15's (checked with psql -e against a server). */
class SlashCopyParserTest {

    private final SlashCopyParser parser = new SlashCopyParser(
            new HomeDirectories(Map.of("HOME", "/home/me"), user -> user.equals("bob") ? "/home/bob" : null));

    private SlashCopy parse(String args) throws SlashCopyParser.ParseError {
        return parser.parse(args, true);
    }

    @Test
    void exerciseForms() throws Exception {
        SlashCopy stores = parse("stores FROM stores.csv WITH CSV HEADER;");
        assertThat(stores.sql()).isEqualTo("COPY  stores FROM STDIN WITH CSV HEADER;");
        assertThat(stores.file()).isEqualTo("stores.csv");
        assertThat(stores.from()).isTrue();
        assertThat(stores.program()).isFalse();

        SlashCopy orders = parse("orders FROM PROGRAM 'cat orders*.csv' WITH CSV;");
        assertThat(orders.sql()).isEqualTo("COPY  orders FROM STDIN WITH CSV;");
        assertThat(orders.file()).isEqualTo("cat orders*.csv");
        assertThat(orders.program()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "t from stdin                               | COPY  t FROM STDIN $",
            "t from stdin;                              | COPY  t FROM STDIN ;$",
            "t to stdout                                | COPY  t TO STDOUT $",
            "T TO STDOUT with (format csv, header)      | COPY  T TO STDOUT with (format csv, header)$",
            "t (  a  ,b ) from pstdin                   | COPY  t ( a ,b ) FROM STDIN $",
            "t(a, b) from stdin                         | COPY  t ( a, b ) FROM STDIN $",
            "public.t(a) to stdout                      | COPY  public.t ( a ) TO STDOUT $",
            "public . t to stdout                       | COPY  public.t TO STDOUT $",
            "\"My Table\" to stdout                     | COPY  \"My Table\" TO STDOUT $",
            "(select a,  'x  y' from t) to stdout csv   | COPY  ( select a, 'x  y' from t ) TO STDOUT csv$",
            "(select (1), ')' ) to stdout               | COPY  ( select ( 1 ) , ')' ) TO STDOUT $",
            "binary t to stdout                         | COPY binary t TO STDOUT $",
            "t from 'a b.csv'with csv                   | COPY  t FROM STDIN with csv$",
            "t from x.csv  delimiter ','                | COPY  t FROM STDIN  delimiter ','$",
    })
    void rewritesAsPsqlDoes(String args, String sql) throws Exception {
        assertThat(parse(args).sql() + "$").isEqualTo(sql);   // '$' marks the end: psql leaves a space after STDIN
    }

    @Test
    void fileNames() throws Exception {
        assertThat(parse("t from 'it''s here.csv'").file()).isEqualTo("it's here.csv");
        assertThat(parse("t from x.csv;").file()).isEqualTo("x.csv");
        assertThat(parse("t from ~/d/x.csv").file()).isEqualTo("/home/me/d/x.csv");
        assertThat(parse("t from ~").file()).isEqualTo("/home/me");
        assertThat(parse("t from '~bob/x.csv'").file()).isEqualTo("/home/bob/x.csv");
        assertThat(parse("t from ~nobody/x.csv").file()).isEqualTo("~nobody/x.csv");
        assertThat(parse("t to a~b").file()).isEqualTo("a~b");
        assertThat(parse("t to program 'gzip > ''x y.gz'''").file()).isEqualTo("gzip > 'x y.gz'");
    }

    @Test
    void standardStreams() throws Exception {
        for (String s : new String[] {"stdin", "STDIN", "stdout"}) {
            SlashCopy c = parse("t from " + s);
            assertThat(c.file()).isNull();
            assertThat(c.psqlInOut()).isFalse();
        }
        SlashCopy p = parse("t to PSTDOUT");
        assertThat(p.file()).isNull();
        assertThat(p.psqlInOut()).isTrue();
        assertThat(parse("t from 'stdin'").file()).isEqualTo("stdin");   // quoted: a file of that name
    }

    @Test
    void backslashEscapesInAQueryWithoutStandardStrings() throws Exception {
        assertThat(parser.parse("(select 'a\\' b') to stdout", false).sql()).isEqualTo("COPY  ( select 'a\\' b' ) TO STDOUT ");
        assertThat(parser.parse("(select E'a\\' b') to stdout", true).sql()).isEqualTo("COPY  ( select E'a\\' b' ) TO STDOUT ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "t                      | \\copy: parse error at end of line",
            "t frm x                | \\copy: parse error at \"frm\"",
            "t from                 | \\copy: parse error at end of line",
            "t from program         | \\copy: parse error at end of line",
            "t from program cat     | \\copy: parse error at \"cat\"",
            "t from program 'cat    | \\copy: parse error at \"'cat\"",
            "(select 1 to stdout    | \\copy: parse error at end of line",
            "t (a, b from stdin     | \\copy: parse error at end of line",
            "public. to stdout      | \\copy: parse error at \"stdout\"",
            "t with csv             | \\copy: parse error at \"with\"",
    })
    void parseErrorsInPsqlWords(String args, String message) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(SlashCopyParser.ParseError.class).hasMessage(message);
    }

    @Test
    void noArguments() {
        assertThatThrownBy(() -> parse("")).hasMessage("\\copy: arguments required");
        assertThatThrownBy(() -> parse("   ")).hasMessage("\\copy: arguments required");
        assertThatThrownBy(() -> parse(null)).hasMessage("\\copy: arguments required");
    }
}
