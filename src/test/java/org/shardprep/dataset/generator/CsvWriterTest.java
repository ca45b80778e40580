package org.shardprep.dataset.generator;

import org.shardprep.dataset.CsvFile;
import org.shardprep.dataset.DatasetTable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CsvWriter out = new CsvWriter(bytes, DatasetTable.PRODUCTS, GenerationProgress.NONE);

    private String written() throws IOException {
        out.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyWhatNeedsQuotingAndDoublesQuotes() throws IOException {
        out.text("plain");
        out.text("a, b");
        out.text("18\" Doll");
        out.text("");
        out.nullField();
        out.text("Café");
        out.endRow();
        assertThat(written()).isEqualTo("plain,\"a, b\",\"18\"\" Doll\",\"\",,Café\n");
        assertThat(CsvFile.parse(bytes.toString(StandardCharsets.UTF_8)).get(0))
                .containsExactly("plain", "a, b", "18\" Doll", "", null, "Café");
    }

    @Test
    void moneyHasTwoDecimals() throws IOException {
        out.money(1999);
        out.money(5);
        out.money(100);
        out.money(0);
        out.money(123_456_789);
        out.endRow();
        assertThat(written()).isEqualTo("19.99,0.05,1.00,0.00,1234567.89\n");
    }

    @Test
    void timestampsMatchJavaTime() throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder expected = new StringBuilder();
        SplitMix64 random = new SplitMix64(1);
        long[] fixed = {OrderTimeline.START, OrderTimeline.END - 1, 951_782_400L /* 2000-02-29 */, 0};
        for (int i = 0; i < 2000; i++) {
            long t = i < fixed.length ? fixed[i] : OrderTimeline.START - 4 * 365 * 86_400L + (random.nextLong() >>> 1) % (8 * 365 * 86_400L);
            out.timestamp(t);
            out.endRow();
            expected.append(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).format(format)).append('\n');
        }
        assertThat(written()).isEqualTo(expected.toString());
    }

    @Test
    void survivesRowsAcrossBufferBoundaries() throws IOException {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            out.integer(i);
            out.openQuoted();
            out.appendDigits(i);
            out.append(CsvWriter.escaped(" Main St., \"x\""));
            out.closeQuoted();
            out.endRow();
            expected.append(i).append(",\"").append(i).append(" Main St., \"\"x\"\"\"\n");
        }
        assertThat(written()).isEqualTo(expected.toString());
    }
}
