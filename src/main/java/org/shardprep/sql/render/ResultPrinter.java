package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints one query result the way psql 15 does, streaming: {@link #start} once with the columns,
 * {@link #rows} zero or more times with chunks of rows (values already in text form, {@code null}
 * meaning SQL NULL), then {@link #finish} once with the total row count.
 *
 * <p>Formats (chosen by {@link PrintOptions#getFormat()}):
 * <ul>
 * <li>ALIGNED: psql's default table (border 0/1/2, {@code \x} on/auto). To compute column widths
 * the printer buffers at most {@code chunkRows} rows (default {@value AlignedPrinter#DEFAULT_CHUNK_ROWS});
 * a result that fits in one chunk prints byte-for-byte like psql. Larger results print chunk by
 * chunk; a later chunk reuses the widths already printed and only widens a column when one of its
 * values is wider. {@code \x auto} decides on the first chunk and keeps that choice.</li>
 * <li>UNALIGNED: {@code psql -A} (and {@code -A -x}).</li>
 * <li>CSV: {@code psql --csv} (and {@code --csv -x}); never a title or footer.</li>
 * <li>JSON (shardprep only, psql has no such format): a JSON array with one object per row, one
 * member per column in column order (duplicate column names are kept as duplicate members), and
 * one row per line:
 * <pre>
 * [
 *   {"id": 1, "name": "foo"},
 *   {"id": 2, "name": null}
 * ]
 * </pre>
 * SQL NULL is {@code null} (the null display is ignored); values of the numeric types int2, int4,
 * int8, float4, float8, numeric, oid, xid, xid8 and cid are written as bare JSON numbers when their
 * text is a valid JSON number (NaN and Infinity stay strings); every other value, including
 * booleans and money, is a JSON string. An empty result is {@code []}. Title, footer, tuples-only
 * and expanded mode do not apply.</li>
 * </ul>
 * The printer flushes {@code out} after every chunk it prints.
 */
public interface ResultPrinter {

    void start(List<ColumnInfo> columns);

    void rows(List<String[]> chunk);

    /** Prints what is still buffered and the footer ("(N rows)" unless tuples-only or footer off). */
    void finish(long totalRows);

    /**
     * @param terminalWidth the terminal width used by {@code \x auto}; 0 when unknown (never expanded)
     */
    static ResultPrinter create(PrintOptions options, PrintWriter out, int terminalWidth) {
        return create(options, out, terminalWidth, AlignedPrinter.DEFAULT_CHUNK_ROWS);
    }

    /**
     * @param chunkRows how many rows the aligned printers buffer to compute widths (at least 1)
     */
    static ResultPrinter create(PrintOptions options, PrintWriter out, int terminalWidth, int chunkRows) {
        PrintOptions opt = options.copy();
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be >= 1");
        }
        return switch (opt.getFormat()) {
            case ALIGNED -> opt.getExpanded() == PrintOptions.Expanded.ON
                    ? new ExpandedPrinter(opt, out, chunkRows)
                    : new AlignedPrinter(opt, out, terminalWidth, chunkRows);
            case UNALIGNED -> opt.getExpanded() == PrintOptions.Expanded.ON
                    ? new UnalignedExpandedPrinter(opt, out)
                    : new UnalignedPrinter(opt, out);
            case CSV -> new CsvPrinter(opt, out);
            case JSON -> new JsonPrinter(out);
        };
    }
}
