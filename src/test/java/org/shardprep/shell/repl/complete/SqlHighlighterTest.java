package org.shardprep.shell.repl.complete;

import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SqlHighlighterTest {

    private final SqlHighlighter colours = new SqlHighlighter(true);

    /** The style of every character of {@code part}, which must appear in {@code text} once. */
    private static void assertStyle(AttributedString s, String part, AttributedStyle expected) {
        String text = s.toString();
        int at = text.indexOf(part);
        assertThat(at).as("'%s' in '%s'", part, text).isGreaterThanOrEqualTo(0);
        for (int i = at; i < at + part.length(); i++) {
            assertThat(s.styleAt(i)).as("style of '%s' at %d in '%s'", text.charAt(i), i, text).isEqualTo(expected);
        }
    }

    @Test
    void keywordsStringsNumbersComments() {
        String sql = "select name, 42, 'it''s' from stores -- all of them";
        AttributedString s = colours.highlight(sql);
        assertThat(s.toString()).isEqualTo(sql);
        assertStyle(s, "select", SqlHighlighter.KEYWORD);
        assertStyle(s, "from", SqlHighlighter.KEYWORD);
        assertStyle(s, "name", AttributedStyle.DEFAULT);
        assertStyle(s, "stores", AttributedStyle.DEFAULT);
        assertStyle(s, "42", SqlHighlighter.NUMBER);
        assertStyle(s, "'it''s'", SqlHighlighter.STRING);
        assertStyle(s, "-- all of them", SqlHighlighter.COMMENT);
        assertThat(SqlHighlighter.KEYWORD.getStyle() & AttributedStyle.BOLD.getStyle()).isNotZero();
    }

    @Test
    void escapeStringsDollarQuotesAndNestedComments() {
        AttributedString s = colours.highlight("select E'a\\'b' as x, $fn$ it's $$ here $fn$ /* a /* nested */ still */ 1.5e3");
        assertStyle(s, "E'a\\'b'", SqlHighlighter.STRING);
        assertStyle(s, "$fn$ it's $$ here $fn$", SqlHighlighter.STRING);
        assertStyle(s, "/* a /* nested */ still */", SqlHighlighter.COMMENT);
        assertStyle(s, "1.5e3", SqlHighlighter.NUMBER);
        assertStyle(s, "as", SqlHighlighter.KEYWORD);
    }

    @Test
    void unfinishedInputIsColouredToTheEnd() {
        assertStyle(colours.highlight("select 'abc\ndef"), "'abc\ndef", SqlHighlighter.STRING);
        assertStyle(colours.highlight("select /* open"), "/* open", SqlHighlighter.COMMENT);
        assertStyle(colours.highlight("do $$ begin"), "$$ begin", SqlHighlighter.STRING);
    }

    @Test
    void backslashCommandsAndVariables() {
        AttributedString s = colours.highlight("\\d+ stores");
        assertStyle(s, "\\d+", SqlHighlighter.META_COMMAND);
        assertStyle(s, " stores", AttributedStyle.DEFAULT);
        AttributedString q = colours.highlight("select :id, :'name', x::text \\gx");
        assertStyle(q, ":id", SqlHighlighter.VARIABLE);
        assertStyle(q, ":'name'", SqlHighlighter.VARIABLE);
        assertStyle(q, "::", AttributedStyle.DEFAULT);
        assertStyle(q, "\\gx", SqlHighlighter.META_COMMAND);
    }

    @Test
    void identifiersThatLookLikeKeywordsButAreQuotedStayPlain() {
        AttributedString s = colours.highlight("select \"select\" from t");
        assertStyle(s, "\"select\"", AttributedStyle.DEFAULT);
    }

    /** The highlighter as the shell makes it: colour as the console decides it (one rule, SessionConsole's). */
    private static SqlHighlighter colouring(Terminal t, Map<String, String> env) {
        return new SqlHighlighter(org.shardprep.shell.session.SessionConsole.live(t)
                && org.shardprep.shell.session.SessionConsole.colourAllowed(env));
    }

    @Test
    void noColorMeansNoEscapes() throws Exception {
        String sql = "select 'x' from stores -- c";
        try (Terminal t = new ExternalTerminal("colour", "xterm-256color", new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(colouring(t, Map.of()).colours()).isTrue();
            assertThat(colouring(t, Map.of()).highlight(null, sql).toAnsi()).contains("\u001b[");
            SqlHighlighter noColor = colouring(t, Map.of("NO_COLOR", "1"));
            assertThat(noColor.highlight(null, sql).toAnsi()).isEqualTo(sql);
            // no-color.org: an empty NO_COLOR does not count
            assertThat(colouring(t, Map.of("NO_COLOR", "")).colours()).isTrue();
        }
    }

    @Test
    void dumbTerminalMeansNoEscapes() throws Exception {
        String sql = "select 1";
        try (Terminal t = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
            assertThat(colouring(t, Map.of()).highlight(null, sql).toAnsi()).isEqualTo(sql);
        }
        // TERM=dumb on a stream terminal
        try (Terminal t = new ExternalTerminal("plain", "dumb", new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(colouring(t, Map.of()).highlight(null, sql).toAnsi()).isEqualTo(sql);
        }
    }

    @Test
    void linearAndNeverThrows() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) big.append("select 'a', $$b$$, /* c */ 1 from t; -- d\n");
        AttributedString s = colours.highlight(big.toString());   // 880,000 characters: quadratic work would not finish
        assertThat(s.length()).isEqualTo(big.length());
        for (String odd : new String[] {"'", "\"", "$", "$a", "$a$", "\\", ":", ":'", "e'", "u&", "0x", "1e", "/*", "*/", "--"}) {
            assertThat(colours.highlight(odd).toString()).isEqualTo(odd);
        }
    }
}
