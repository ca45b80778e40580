package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaCommandTest {

    private static MetaCommand only(String line) {
        ScanRecorder r = ScanRecorder.of(line);
        assertThat(r.commands).hasSize(1);
        return r.commands.get(0);
    }

    private final Map<String, String> vars = new HashMap<>();

    @Test
    void nameAndRawArgs() {
        assertThat(only("\\timing on")).isEqualTo(new MetaCommand("timing", "on", 1, MetaCommandCatalog.PSQL));
        assertThat(only("\\echo   hello   world  ")).isEqualTo(new MetaCommand("echo", "hello   world", 1, MetaCommandCatalog.PSQL));
        assertThat(only("\\dt line*")).isEqualTo(new MetaCommand("dt", "line*", 1, MetaCommandCatalog.PSQL));
        assertThat(only("\\q")).isEqualTo(new MetaCommand("q", "", 1, MetaCommandCatalog.PSQL));
        assertThat(only("\\! ls -l   ")).isEqualTo(new MetaCommand("!", "ls -l   ", 1, MetaCommandCatalog.PSQL));
    }

    @Test
    void aFirstPipeArgumentLeavesNothingOver() {
        // psql 15: "\w |cat x" runs "cat x"; "\w a b" ignores b, with a warning (checked)
        assertThat(only("\\w |cat x").ignoredArgs(1)).isEmpty();
        assertThat(only("\\w a b").ignoredArgs(1)).containsExactly("b");
    }

    @Test
    void whitespaceSeparatedWords() {
        assertThat(only("\\echo hello   world").args(null)).containsExactly("hello", "world");
        assertThat(only("\\echo").args(null)).isEmpty();
    }

    @Test
    void singleQuotesWithEscapes() {
        // psql 15: \echo "a""b" 'c''d' 'e\x41\101\n.' prints: "a""b" c'd eAA<newline>. (checked)
        assertThat(only("\\echo \"a\"\"b\" 'c''d' 'e\\x41\\101\\n.'").args(null))
                .containsExactly("\"a\"\"b\"", "c'd", "eAA\n.");
        assertThat(only("\\echo 'it\\'s' 'tab\\there' 'a\\\\b' 'x'y'z'").args(null))
                .containsExactly("it's", "tab\there", "a\\b", "xyz");
        assertThat(only("\\echo '' x").args(null)).containsExactly("", "x");
    }

    @Test
    void doubleQuotesAreKept() {
        assertThat(only("\\d \"My Table\"").args(null)).containsExactly("\"My Table\"");
        assertThat(only("\\echo a\"b c\"d").args(null)).containsExactly("a\"b c\"d");
    }

    @Test
    void backquotesRunTheShell() {
        assertThat(only("\\echo `echo hi there` x`printf 'a\\n\\n'`y").args(null))
                .containsExactly("hi there", "xa\ny");
    }

    @Test
    void backquoteSeesVariables() {
        vars.put("v", "it's");
        vars.put("w", "plain");
        assertThat(only("\\echo `echo :'v' :w :'w'`").args(vars::get)).containsExactly("it's plain plain");
    }

    @Test
    void failingBackquoteIsAnError() {
        assertThatThrownBy(() -> only("\\echo `exit 3`").args(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variables() {
        // psql 15: \echo :'q' :"q" :q with q = select 'x;y' as a; select 93 (checked)
        vars.put("q", "select 'x;y' as a; select 93");
        assertThat(only("\\echo :'q' :\"q\" :q").args(vars::get)).containsExactly(
                "'select ''x;y'' as a; select 93'", "\"select 'x;y' as a; select 93\"", "select 'x;y' as a; select 93");
        assertThat(only("\\echo :nope :'nope' pre:q::x :{?q} :{?nope}").args(vars::get))
                .containsExactly(":nope", ":'nope'", "preselect 'x;y' as a; select 93::x", "TRUE", "FALSE");
        // a variable value is not split at whitespace
        assertThat(only("\\echo :q").args(vars::get)).hasSize(1);
        // without a lookup nothing is interpolated
        assertThat(only("\\echo :q").args(null)).containsExactly(":q");
    }

    @Test
    void variablesInsideQuotesAreNotInterpolated() {
        vars.put("q", "Q");
        assertThat(only("\\echo ':q' \":q\"").args(vars::get)).containsExactly(":q", "\":q\"");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        // psql: "unterminated quoted string", and the rest of the line is consumed (checked)
        ScanRecorder r = ScanRecorder.of("\\echo 'abc \\\\ select 1;");
        assertThat(r.statements).isEmpty();
        assertThatThrownBy(() -> r.commands.get(0).args(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated quoted string");
    }

    @Test
    void parseArgsKeepsArgumentsBeforeAnError() {
        // psql 15: \echo a 'b  prints "a" and reports "unterminated quoted string" (checked)
        MetaCommand.ParsedArgs parsed = only("\\echo a 'b").parseArgs(null, false);
        assertThat(parsed.values()).containsExactly("a");
        assertThat(parsed.error()).isEqualTo("unterminated quoted string");
        assertThat(only("\\echo a b").parseArgs(null, false)).isEqualTo(new MetaCommand.ParsedArgs(List.of("a", "b"), null));
    }

    @Test
    void trailingSemicolonsCanBeStripped() {
        MetaCommand c = only("\\d orders; 'x;' a;;");
        assertThat(c.args(null, true)).containsExactly("orders", "x;", "a");
        assertThat(c.args(null)).containsExactly("orders;", "x;", "a;;");
    }

    @Test
    void wholeLineCommandsHaveOneArgument() {
        MetaCommand copy = only("\\copy orders from 'orders.csv' with (format csv) \\\\ x");
        assertThat(copy.isWholeLine()).isTrue();
        assertThat(copy.args(null)).containsExactly("orders from 'orders.csv' with (format csv) \\\\ x");
        assertThat(only("\\!").args(null)).isEmpty();
        assertThat(only("\\h   create table").args(null)).containsExactly("create table");
    }

    @Test
    void pipeTargets() {
        assertThat(only("\\o |gzip > out.gz").args(null)).containsExactly("|gzip > out.gz");
        assertThat(only("\\g out.txt").args(null)).containsExactly("out.txt");
        assertThat(only("\\g (format=csv tuples_only) |cat -n").args(null))
                .containsExactly("(format=csv", "tuples_only)", "|cat -n");
        assertThat(only("\\gx 'my file'").args(null)).containsExactly("my file");
    }

    @Test
    void knownAndUnknown() {
        assertThat(only("\\dt+").isKnown()).isTrue();
        assertThat(only("\\timing").isKnown()).isTrue();
        assertThat(only("\\foo").isKnown()).isFalse();
        assertThat(only("\\copy x to y").isWholeLine()).isTrue();
        assertThat(only("\\set x y").isWholeLine()).isFalse();
    }

    @Test
    void setArguments() {
        MetaCommand set = only("\\set greeting 'hello world' ' and more'");
        assertThat(set.args(null)).isEqualTo(List.of("greeting", "hello world", " and more"));
    }
}
