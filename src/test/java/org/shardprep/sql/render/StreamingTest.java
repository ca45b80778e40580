package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingTest {

    private static final List<ColumnInfo> COLS = List.of(new ColumnInfo("id", ColumnInfo.INT4),
            new ColumnInfo("name", ColumnInfo.TEXT));

    private static long lines(StringWriter sw) {
        return sw.getBuffer().chars().filter(c -> c == '\n').count();
    }

    @Test
    void alignedPrintsFiftyThousandRowsIncrementally() {
        StringWriter sw = new StringWriter();
        int limit = 1000;
        ResultPrinter p = ResultPrinter.create(new PrintOptions(), new PrintWriter(sw), 0, limit);
        p.start(COLS);
        int total = 50_000;
        int fed = 0;
        for (int batch = 0; batch < total / 250; batch++) {
            List<String[]> chunk = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                fed++;
                chunk.add(new String[] {Integer.toString(fed), "row" + fed});
            }
            p.rows(chunk);
            // never more than `limit` rows held back; header (2 lines) printed with the first chunk
            long printedRows = Math.max(0, lines(sw) - 2);
            assertThat(fed - printedRows).isLessThan(limit);
            if (fed >= limit) {
                assertThat(printedRows).isGreaterThan(0);
            }
        }
        p.finish(total);
        String out = sw.toString();
        String[] ls = out.split("\n", -1);
        assertThat(ls.length).isEqualTo(2 + total + 2 + 1);
        // the first chunk (rows 1..1000) fixes the widths at 4 and 7
        assertThat(ls[0]).isEqualTo("  id  |  name   ");
        assertThat(ls[1]).isEqualTo("------+---------");
        assertThat(ls[2]).isEqualTo("    1 | row1");
        assertThat(ls[2 + 999]).isEqualTo(" 1000 | row1000");
        assertThat(ls[2 + 1000]).isEqualTo(" 1001 | row1001");
        assertThat(ls[2 + 8999]).isEqualTo(" 9000 | row9000");
        // the chunk holding 10000 widens "id" to 5; it stays at 5
        assertThat(ls[2 + 9000]).isEqualTo("  9001 | row9001");
        assertThat(ls[2 + 9999]).isEqualTo(" 10000 | row10000");
        assertThat(ls[2 + 49_999]).isEqualTo(" 50000 | row50000");
        assertThat(out).endsWith("\n(50000 rows)\n\n");
    }

    @Test
    void laterChunksNeverNarrowAndWidenOnlyWhenNeeded() {
        StringWriter sw = new StringWriter();
        ResultPrinter p = ResultPrinter.create(new PrintOptions().setBorder(2), new PrintWriter(sw), 0, 2);
        p.start(COLS);
        p.rows(List.of(new String[] {"1", "a much longer name"}, new String[] {"2", "b"}));
        p.rows(List.of(new String[] {"3", "c"}, new String[] {"12345", "d"}));
        p.rows(List.<String[]>of(new String[] {"4", "e"}));
        p.finish(5);
        assertThat(sw.toString()).isEqualTo(String.join("\n",
                "+----+--------------------+",
                "| id |        name        |",
                "+----+--------------------+",
                "|  1 | a much longer name |",
                "|  2 | b                  |",
                "|     3 | c                  |",
                "| 12345 | d                  |",
                "|     4 | e                  |",
                "+-------+--------------------+",
                "(5 rows)",
                "", ""));
    }

    @Test
    void belowTheLimitIsIdenticalToUnchunked() {
        PsqlFixtures.Dataset a = PsqlFixtures.DATASETS.get("A");
        PrintOptions o = new PrintOptions();
        assertThat(PsqlFixtures.print(a, o, 0, 4, 1)).isEqualTo(PsqlFixtures.expected("A-b1"));
        assertThat(PsqlFixtures.print(a, o.copy().setExpanded(PrintOptions.Expanded.ON), 0, 4, 3))
                .isEqualTo(PsqlFixtures.expected("A-x"));
    }

    @Test
    void expandedStreamsAndNumbersRecordsAcrossChunks() {
        StringWriter sw = new StringWriter();
        ResultPrinter p = ResultPrinter.create(new PrintOptions().setExpanded(PrintOptions.Expanded.ON),
                new PrintWriter(sw), 0, 2);
        p.start(COLS);
        p.rows(List.of(new String[] {"1", "a"}, new String[] {"2", "b"}));
        assertThat(sw.toString()).isEqualTo("-[ RECORD 1 ]\nid   | 1\nname | a\n-[ RECORD 2 ]\nid   | 2\nname | b\n");
        p.rows(List.<String[]>of(new String[] {"3", "wider"}));
        p.finish(3);
        assertThat(sw.toString()).endsWith("-[ RECORD 3 ]\nid   | 3\nname | wider\n\n");
    }

    @Test
    void autoExpandedDecidesOnTheFirstChunk() {
        StringWriter sw = new StringWriter();
        ResultPrinter p = ResultPrinter.create(new PrintOptions().setExpanded(PrintOptions.Expanded.AUTO),
                new PrintWriter(sw), 12, 1);
        p.start(COLS);
        p.rows(List.of(new String[] {"1", "a"}, new String[] {"2", "a rather long value"}));
        p.finish(2);
        // " id | name " is 11 columns: fits, so the table stays aligned even though row 2 is wider
        assertThat(sw.toString()).isEqualTo(" id | name \n----+------\n  1 | a\n  2 | a rather long value\n(2 rows)\n\n");

        StringWriter sw2 = new StringWriter();
        ResultPrinter p2 = ResultPrinter.create(new PrintOptions().setExpanded(PrintOptions.Expanded.AUTO),
                new PrintWriter(sw2), 12, 1);
        p2.start(COLS);
        p2.rows(List.of(new String[] {"1", "a rather long value"}, new String[] {"2", "b"}));
        p2.finish(2);
        assertThat(sw2.toString()).startsWith("-[ RECORD 1 ]-------------\nid   | 1\n");
    }
}
