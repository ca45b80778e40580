package org.shardprep.shell.record;

import org.shardprep.shell.meta.MetaCommandCatalog;
import org.junit.jupiter.api.Test;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.StatementScanner;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recording writes for an entry: as typed, never a password or a secret variable's value. */
class RecordedTextTest {

    /** The entry for a backslash command line, found by the real scanner. */
    private static InputEntry meta(String line) {
        List<MetaCommand> found = new ArrayList<>();
        new StatementScanner(MetaCommandCatalog.PSQL).feedLine(line, new ScanListener() {
            @Override public void onStatement(String sql, int firstLine) { }
            @Override public void onMetaCommand(MetaCommand command) { found.add(command); }
        });
        return new InputEntry(InputEntry.Kind.META, line, null, found.get(0));
    }

    private static String written(InputEntry entry) {
        return RecordedText.of(entry).orElse("(nothing)");
    }

    @Test
    void connectLosesTheConninfoPassword() {
        assertThat(written(meta("\\c \"host=db.example port=5432 dbname=citus user=citus password=s3cret sslmode=require\"")))
                .isEqualTo("\\c \"host=db.example port=5432 dbname=citus user=citus sslmode=require\"");
        // libpq quotes inside psql quotes: more than the patterns follow, so nothing of it is written
        assertThat(written(meta("\\connect 'dbname=citus password=''a b'''")))
                .isEqualTo("-- shardprep record: a command holding a password left out");
        assertThat(written(meta("\\c \"dbname=citus password='x y z' user=bob\"")))
                .isEqualTo("\\c \"dbname=citus user=bob\"");
        assertThat(written(meta("\\c \"password=first dbname=citus\""))).isEqualTo("\\c \"dbname=citus\"");
    }

    @Test
    void connectLosesTheUriPassword() {
        assertThat(written(meta("\\c postgresql://citus:pw@c.example.com:5432/citus?sslmode=require")))
                .isEqualTo("\\c postgresql://citus@c.example.com:5432/citus?sslmode=require");
        assertThat(written(meta("\\c postgresql://citus@host/db?password=pw&sslmode=require")))
                .isEqualTo("\\c postgresql://citus@host/db?sslmode=require");
        assertThat(written(meta("\\c postgresql://citus@host/db?sslmode=require&password=pw")))
                .isEqualTo("\\c postgresql://citus@host/db?sslmode=require");
        assertThat(written(meta("\\c postgres://u:p@host/db?password=pw"))).isEqualTo("\\c postgres://u@host/db");
    }

    @Test
    void connectWithoutAPasswordIsKeptAsTyped() {
        assertThat(written(meta("\\c other_db"))).isEqualTo("\\c other_db");
        assertThat(written(meta("\\c postgresql://citus@host:5432/citus"))).isEqualTo("\\c postgresql://citus@host:5432/citus");
    }

    @Test
    void slashPasswordIsNotRecorded() {
        assertThat(written(meta("\\password citus"))).isEqualTo("-- shardprep record: \\password left out");
    }

    @Test
    void secretVariablesAreLeftOutWithANote() {
        assertThat(written(meta("\\set API_TOKEN abc123"))).isEqualTo("-- shardprep record: \\set API_TOKEN left out (a secret variable)");
        assertThat(written(meta("\\set db_password 'hunter2'"))).doesNotContain("hunter2").contains("db_password left out");
        assertThat(written(meta("\\set aws_secret_access_key x"))).contains("left out");
        assertThat(written(meta("\\set scale 0.01"))).isEqualTo("\\set scale 0.01");
    }

    @Test
    void aVariableHoldingAConninfoPasswordIsLeftOut() {
        assertThat(written(meta("\\set conn 'host=x password=pw'"))).isEqualTo("-- shardprep record: a command holding a password left out");
    }

    @Test
    void sqlWithAPasswordIsLeftOut() {
        InputEntry alter = new InputEntry(InputEntry.Kind.SQL, "ALTER ROLE citus\n  PASSWORD 'x';", "ALTER ROLE citus\n  PASSWORD 'x';", null);
        assertThat(written(alter)).isEqualTo("-- shardprep record: a statement holding a password left out");
        InputEntry plain = new InputEntry(InputEntry.Kind.SQL, "select *\n  from stores;", "select *\n  from stores;", null);
        assertThat(written(plain)).isEqualTo("select *\n  from stores;");
    }

    /** The editor commands are left out: the statements of the edited text are recorded as entries of their own. */
    @Test
    void editorCommandsAreNotWritten() {
        assertThat(RecordedText.of(meta("\\e"))).isEmpty();
        assertThat(RecordedText.of(meta("\\e query.sql 3"))).isEmpty();
        assertThat(RecordedText.of(meta("\\ef add1"))).isEmpty();
        assertThat(RecordedText.of(meta("\\ev v1"))).isEmpty();
    }

    @Test
    void recordItselfAndQuitAreNotWritten() {
        assertThat(RecordedText.of(new InputEntry(InputEntry.Kind.SHELL, "record stop", null, null))).isEmpty();
        assertThat(RecordedText.of(new InputEntry(InputEntry.Kind.SHELL, "record", null, null))).isEmpty();
        assertThat(RecordedText.of(meta("\\q"))).isEmpty();
        assertThat(written(new InputEntry(InputEntry.Kind.SHELL, "create-schema", null, null))).isEqualTo("create-schema");
        assertThat(written(new InputEntry(InputEntry.Kind.SHELL, "replay demo.sql --typing 40", null, null)))
                .isEqualTo("replay demo.sql --typing 40");
    }

    @Test
    void commentsWithAPasswordAreLeftOut() {
        assertThat(RecordedText.ofComment("-- next: the key swap")).isEqualTo("-- next: the key swap");
        assertThat(RecordedText.ofComment("-- use password=hunter2")).isEqualTo("-- shardprep record: a comment holding a password left out");
    }
}
