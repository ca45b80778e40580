package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where, in the line being fed, the statement or command just found ends: recording cuts the typed text there. */
class LineOffsetTest {

    private static List<String> cuts(StatementScanner scanner, String line) {
        List<String> found = new ArrayList<>();
        int[] from = {0};
        scanner.feedLine(line, new ScanListener() {
            @Override
            public void onStatement(String sql, int firstLine) {
                found.add(line.substring(from[0], scanner.lineOffset()));
                from[0] = scanner.lineOffset();
            }

            @Override
            public void onMetaCommand(MetaCommand command) {
                found.add(line.substring(from[0], scanner.lineOffset()));
                from[0] = scanner.lineOffset();
            }
        });
        return found;
    }

    @Test
    void afterEachSemicolon() {
        assertThat(cuts(new StatementScanner(MetaCommandCatalog.PSQL), "select 1; select ';' ; -- done"))
                .containsExactly("select 1;", " select ';' ;");
    }

    @Test
    void afterABackslashCommandAndItsSeparator() {
        assertThat(cuts(new StatementScanner(MetaCommandCatalog.PSQL), "\\set a 1 \\\\ select 2 \\g out.txt"))
                .containsExactly("\\set a 1 \\\\", " select 2 \\g out.txt");
    }

    @Test
    void afterAVariableReferenceWhoseValueEndsTheStatement() {
        StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
        scanner.setVariables(Map.of("v", "1;")::get);
        assertThat(cuts(scanner, "select :v select 2;")).containsExactly("select :v", " select 2;");
    }

    @Test
    void onlyInsideACallback() {
        assertThatThrownBy(() -> new StatementScanner(MetaCommandCatalog.PSQL).lineOffset()).isInstanceOf(IllegalStateException.class);
    }
}
