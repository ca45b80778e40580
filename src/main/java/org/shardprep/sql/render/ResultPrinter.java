package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints one query result the way psql 15 does, streaming: {@link #start} once with the columns,
 * {@link #rows} zero or more times with chunks of rows (values already in text form, {@code null}
 * meaning SQL NULL), then {@link #finish} once with the total row count.
 *
 * <p>Formats (chosen by {@link PrintOptions#getFormat()}), each psql 15's, with and without {@code \x}:
 * <ul>
 * <li>ALIGNED and WRAPPED: psql's tables (border 0/1/2, line styles ascii, old-ascii and unicode,
 * {@code \x} on/auto). To compute column widths the printer buffers at most {@code chunkRows} rows
 * (default {@value AlignedPrinter#DEFAULT_CHUNK_ROWS}); a result that fits in one chunk prints byte-for-byte
 * like psql. Larger results print chunk by chunk; a later chunk reuses the widths already printed and only
 * widens a column when one of its values is wider (WRAPPED keeps the first chunk's widths and wraps).
 * {@code \x auto} decides on the first chunk and keeps that choice.</li>
 * <li>UNALIGNED: {@code psql -A} (and {@code -A -x}).</li>
 * <li>CSV: {@code psql --csv} (and {@code --csv -x}); never a title or footer.</li>
 * <li>HTML, ASCIIDOC, LATEX, LATEX_LONGTABLE, TROFF_MS: psql's markup formats.</li>
 * </ul>
 * The printer flushes {@code out} after every chunk it prints.
 */
public interface ResultPrinter {

    void start(List<ColumnInfo> columns);

    void rows(List<String[]> chunk);

    /** Prints what is still buffered and the footer ("(N rows)" unless tuples-only or footer off). */
    void finish(long totalRows);

    /** psql's PrintQueryStatus(): a command's tag as printed after it, in a paragraph of its own in html. */
    static String statusLine(PrintOptions options, String status) {
        if (options.getFormat() != PrintOptions.Format.HTML) return status;
        StringBuilder sb = new StringBuilder("<p>");
        HtmlPrinter.escape(sb, status);
        return sb.append("</p>").toString();
    }

    /**
     * @param terminalWidth the terminal width, the target of {@code \x auto} and the wrapped format unless
     *                      {@code \pset columns} sets one; 0 when unknown
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
        int outputColumns = opt.getColumns() > 0 ? opt.getColumns() : terminalWidth;
        boolean vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
        return switch (opt.getFormat()) {
            case ALIGNED, WRAPPED -> vertical
                    ? new ExpandedPrinter(opt, out, chunkRows, outputColumns)
                    : new AlignedPrinter(opt, out, outputColumns, chunkRows);
            case UNALIGNED -> vertical ? new UnalignedExpandedPrinter(opt, out) : new UnalignedPrinter(opt, out);
            case CSV -> new CsvPrinter(opt, out);
            case HTML -> new HtmlPrinter(opt, out);
            case ASCIIDOC -> new AsciidocPrinter(opt, out);
            case LATEX -> new LatexPrinter(opt, out);
            case LATEX_LONGTABLE -> vertical ? new LatexPrinter(opt, out) : new LatexLongtablePrinter(opt, out);
            case TROFF_MS -> new TroffMsPrinter(opt, out);
        };
    }
}
