package org.shardprep.dataset.loader;

import org.shardprep.dataset.TailspinSchema;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Bytes and rows streamed so far, per table, and their rendering as progress bars. */
public final class LoadProgress {

    /** One table's counters; updated by the loading threads, read by the renderer. */
    public static final class TableProgress {
        final String table;
        final long totalBytes;
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong rows = new AtomicLong();
        volatile long startedNanos;
        volatile long finishedNanos;

        TableProgress(String table, long totalBytes) {
            this.table = table;
            this.totalBytes = totalBytes;
        }

        public long rows() { return rows.get(); }

        public double seconds() {
            long end = finishedNanos != 0 ? finishedNanos : System.nanoTime();
            return startedNanos == 0 ? 0 : (end - startedNanos) / 1e9;
        }
    }

    private final Map<String, TableProgress> tables = new LinkedHashMap<>();

    public LoadProgress(DataSource source) {
        for (String t : TailspinSchema.TABLES) tables.put(t, new TableProgress(t, source.totalBytes(t)));
    }

    public TableProgress table(String name) { return tables.get(name); }

    public Iterable<TableProgress> tables() { return tables.values(); }

    /** Wraps a file's stream so what passes through is counted (rows by line ends; a CSV value with a newline counts twice, which a bar can live with). */
    InputStream counting(String table, InputStream in) {
        TableProgress p = tables.get(table);
        synchronized (p) {
            if (p.startedNanos == 0) p.startedNanos = System.nanoTime();
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    p.bytes.incrementAndGet();
                    if (b == '\n') p.rows.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    p.bytes.addAndGet(n);
                    long lines = 0;
                    for (int i = off; i < off + n; i++) if (buf[i] == '\n') lines++;
                    p.rows.addAndGet(lines);
                }
                return n;
            }
        };
    }

    /** The exact row count from COPY, once a table's files are in. */
    void finished(String table, long rows) {
        TableProgress p = tables.get(table);
        p.rows.set(rows);
        p.bytes.set(Math.max(p.bytes.get(), p.totalBytes));
        p.finishedNanos = System.nanoTime();
    }

    /** One line a table: a bar, bytes and rows, rate and time left. */
    public String bar(TableProgress p, int width) {
        double fraction = p.totalBytes <= 0 ? (p.finishedNanos != 0 ? 1 : 0) : Math.min(1, (double) p.bytes.get() / p.totalBytes);
        int cells = Math.max(10, Math.min(30, width - 70));
        int full = (int) Math.round(fraction * cells);
        String bar = "#".repeat(full) + ".".repeat(cells - full);
        double secs = p.seconds();
        double rate = secs > 0 ? p.rows.get() / secs : 0;
        String eta;
        if (p.finishedNanos != 0) eta = "done";
        else if (fraction > 0.01 && secs > 0) eta = String.format(Locale.ROOT, "ETA %.0fs", secs / fraction - secs);
        else eta = "";
        return String.format(Locale.ROOT, "%-10s [%s] %3.0f%% %8s %,11d rows %,9.0f rows/s %s",
                p.table, bar, fraction * 100, megabytes(p.bytes.get()), p.rows.get(), rate, eta);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
