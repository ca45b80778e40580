package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's discard_query_text: text of an \if branch that did not run is cut off, parentheses included. */
class TruncateBufferTest {

    @Test
    void cutsTextAndParenDepthBackToTheMark() {
        StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
        ScanRecorder r = new ScanRecorder();
        scanner.feedLine("select (1", r);
        int length = scanner.bufferLength();
        int depth = scanner.parenDepth();
        assertThat(depth).isEqualTo(1);
        scanner.feedLine("+ (2", r);
        assertThat(scanner.parenDepth()).isEqualTo(2);
        scanner.truncateBuffer(length, depth);
        assertThat(scanner.bufferText()).isEqualTo("select (1");
        assertThat(scanner.openState()).isEqualTo(OpenState.PAREN);
        // with the depth restored, the one ')' closes the statement: the ';' ends it
        scanner.feedLine(") as x;", r);
        assertThat(r.statements).containsExactly("select (1\n) as x;");
    }

    @Test
    void aMarkBeyondTheBufferLeavesItAlone() {
        StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
        scanner.feedLine("select 1", new ScanRecorder());
        scanner.truncateBuffer(100, -1);
        assertThat(scanner.bufferText()).isEqualTo("select 1");
    }
}
