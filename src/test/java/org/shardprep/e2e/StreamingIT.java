package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A result far larger than the heap streams through: a million rows (~110 MB of aligned text) through a
 * 48 MB heap, in aligned and CSV form. Holding the result, as psql does without FETCH_COUNT, would fail
 * with OutOfMemoryError.
 */
class StreamingIT {

    private static final String DB = TestServer.freshDatabase("e2e_streaming");
    private static final String QUERY = "select g as line_item_id, repeat('x', 80) as filler, g * 1.5 as amount "
            + "from generate_series(1, 1000000) g";

    @Test
    void alignedOutputOfAMillionRowsInA48MbHeap() throws Exception {
        Path out = runWithSmallHeap(List.of());
        assertThat(countLines(out)).isEqualTo(1_000_000 + 4);   // header, separator, rows, footer, blank line
        assertThat(lastLines(out)).endsWith("(1000000 rows)\n\n");
    }

    @Test
    void csvOutputOfAMillionRowsInA48MbHeap() throws Exception {
        Path out = runWithSmallHeap(List.of("--csv"));
        assertThat(countLines(out)).isEqualTo(1_000_000 + 1);
    }

    private Path runWithSmallHeap(List<String> flags) throws IOException, InterruptedException {
        Path out = TestFiles.file("stream", ".out");
        Path err = TestFiles.file("stream", ".err");
        List<String> cmd = new java.util.ArrayList<>(List.of(JarRun.javaBinary(), "-Xmx48m", "-jar", JarRun.JAR.toString()));
        cmd.addAll(flags);
        cmd.addAll(List.of("-c", QUERY, DB));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(err)).isEmpty();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private static String lastLines(Path file) throws IOException {
        try (var raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            byte[] tail = new byte[(int) Math.min(200, len)];
            raf.seek(len - tail.length);
            raf.readFully(tail);
            return new String(tail, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
