package org.shardprep.shell.copy;

import org.shardprep.shell.input.CopyDataInput;

import org.junit.jupiter.api.Test;
import org.shardprep.shell.input.ScriptLocation;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CopyDataLinesTest {

    @Test
    void readsUpToBackslashDotAndLeavesTheRest() throws Exception {
        BufferedReader script = new BufferedReader(new StringReader("1\tä\n2\tb\n\\.\nselect 1;\n"));
        ScriptLocation where = new ScriptLocation("f.sql");
        CopyDataLines data = new CopyDataLines(CopyDataInput.of(script, where), null);
        assertThat(new String(data.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1\tä\n2\tb\n");
        assertThat(where.line()).isEqualTo(3);   // the data lines and "\." count, as in psql's messages
        assertThat(script.readLine()).isEqualTo("select 1;");
    }

    @Test
    void endOfInputEndsTheData() throws Exception {
        CopyDataLines data = new CopyDataLines(CopyDataInput.of(new BufferedReader(new StringReader("a\nb")), null), null);
        assertThat(new String(data.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a\nb\n");
    }

    @Test
    void instructionsOnlyAtTheTerminal() throws Exception {
        StringWriter shown = new StringWriter();
        CopyDataInput terminal = new CopyDataInput() {
            @Override
            public String readLine() { return null; }

            @Override
            public boolean interactive() { return true; }
        };
        new CopyDataLines(terminal, new PrintWriter(shown)).readAllBytes();
        assertThat(shown.toString()).isEqualTo(CopyDataLines.INSTRUCTIONS + System.lineSeparator());

        StringWriter none = new StringWriter();
        new CopyDataLines(CopyDataInput.of(new BufferedReader(new StringReader("")), null), new PrintWriter(none)).readAllBytes();
        assertThat(none.toString()).isEmpty();
    }
}
