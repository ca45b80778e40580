package org.shardprep.shell.repl;

import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shardprep.TestFiles;
import org.shardprep.shell.session.Variables;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordSafeHistoryTest {

    private final Variables variables = new Variables();
    private final Path file = TestFiles.directory("history").resolve("history");
    private Terminal terminal;

    @AfterEach
    void closeTerminal() throws IOException {
        if (terminal != null) terminal.close();
    }

    /** The history as the shell installs it, on a reader of its own over {@link #file}. */
    private PasswordSafeHistory history() throws IOException {
        terminal = TerminalBuilder.builder().dumb(true)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
        PasswordSafeHistory history = new PasswordSafeHistory(variables);
        LineReader reader = history.installOn(LineReaderBuilder.builder().terminal(terminal), file).build();
        assertThat(reader.getHistory()).isSameAs(history);
        history.attach(reader);   // what the reader's first readLine does: it loads the file
        return history;
    }

    private static List<String> entries(History history) {
        List<String> lines = new ArrayList<>();
        history.forEach(e -> lines.add(e.line()));
        return lines;
    }

    /** The entries in the file, without JLine's time stamps. */
    private List<String> fileEntries() throws IOException {
        return Files.readAllLines(file).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList();
    }

    private static void type(History history, String... entries) {
        for (String e : entries) history.add(Instant.now(), e);
    }

    @Test
    void linesWithPasswordsAreRecognised() {
        assertThat(PasswordSafeHistory.holdsSecret("\\c host=x user=citus password=secret")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\c postgresql://citus:secret@host/db")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("ALTER ROLE citus PASSWORD 'x';")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("create user bob with password 'x';")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\password citus")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\set API_TOKEN abc")).isTrue();   // the recording's rule too
    }

    @Test
    void ordinarySqlIsKept() {
        assertThat(PasswordSafeHistory.holdsSecret("select * from stores;")).isFalse();
        assertThat(PasswordSafeHistory.holdsSecret("\\c postgresql://host/db")).isFalse();
        assertThat(PasswordSafeHistory.holdsSecret("SELECT create_orders(20000);")).isFalse();
    }

    @Test
    void historyDropsThem() throws IOException {
        PasswordSafeHistory h = history();
        type(h, "select 1;", "\\c password=secret");
        assertThat(entries(h)).containsExactly("select 1;");
    }

    /**
     * psql's default HISTCONTROL (none) keeps duplicates and lines that start with a space, as typed but for the
     * newlines at the end: JLine's own rules are off.
     */
    @Test
    void histControlNoneKeepsEverything() throws IOException {
        PasswordSafeHistory h = history();
        type(h, "select 1;", "select 1;", " select 2;  ", "select 3;\n\n");
        assertThat(entries(h)).containsExactly("select 1;", "select 1;", " select 2;  ", "select 3;");
        assertThat(fileEntries()).containsExactly("select 1;", "select 1;", " select 2;  ", "select 3;");
    }

    @Test
    void histControlIgnoreSpaceAndIgnoreDups() throws IOException {
        PasswordSafeHistory h = history();
        variables.set("HISTCONTROL", "ignorespace");
        type(h, " select 1;", "select 2;", "select 2;", "\tselect 3;");   // a tab is not psql's space
        assertThat(entries(h)).containsExactly("select 2;", "select 2;", "\tselect 3;");
        variables.set("HISTCONTROL", "IGNOREDUPS");   // \set in the session; psql's hook takes any case
        type(h, "\tselect 3;", " select 4;", " select 4;", "select 5;\nfrom t;", "select 5;\nfrom t;\n");
        assertThat(entries(h)).containsExactly("select 2;", "select 2;", "\tselect 3;", " select 4;",
                "select 5;\nfrom t;");
    }

    /** As psql's prev_hist: a duplicate of the last entry let in, even with a line left out in between. */
    @Test
    void ignoreBothComparesWithTheLastEntryLetIn() throws IOException {
        PasswordSafeHistory h = history();
        variables.set("HISTCONTROL", "ignoreboth");
        type(h, "select 1;", " select 2;", "select 1;", "select 3;", "select 1;");
        assertThat(entries(h)).containsExactly("select 1;", "select 3;", "select 1;");
        assertThat(fileEntries()).containsExactly("select 1;", "select 3;", "select 1;");
    }

    /** The history file holds more than JLine's default 500 in memory: psql's readline keeps every entry. */
    @Test
    void everyEntryOfTheFileIsInMemory() throws IOException {
        StringBuilder old = new StringBuilder();
        for (int i = 1; i <= 700; i++) old.append("1700000000000:select ").append(i).append(";\n");
        Files.writeString(file, old);
        PasswordSafeHistory h = history();
        assertThat(h.size()).isEqualTo(700);
        assertThat(h.get(h.first())).isEqualTo("select 1;");
    }

    /** HISTSIZE, as it is when the shell leaves: the file keeps that many of its last entries; negative, all. */
    @Test
    void histSizeCutsTheFileWhenTheShellLeaves() throws IOException {
        PasswordSafeHistory h = history();
        type(h, "select 1;", "select 2;\nfrom t;", "select 3;", "select 4;");
        variables.set("HISTSIZE", "-1");
        h.cutFileToHistSize();
        assertThat(fileEntries()).hasSize(4);
        variables.set("HISTSIZE", "2");
        h.cutFileToHistSize();
        assertThat(fileEntries()).containsExactly("select 3;", "select 4;");
        variables.set("HISTSIZE", "0");
        h.cutFileToHistSize();
        assertThat(file).isEmptyFile();
        try (var beside = Files.list(file.getParent())) {
            assertThat(beside.toList()).containsExactly(file);   // no temporary file left behind
        }
    }

    /** Without a \set the file keeps psql's default 500 entries. */
    @Test
    void histSizeDefaultsTo500() throws IOException {
        PasswordSafeHistory h = history();
        for (int i = 1; i <= 510; i++) type(h, "select " + i + ";");
        h.cutFileToHistSize();
        assertThat(fileEntries()).hasSize(500).startsWith("select 11;").endsWith("select 510;");
    }
}
