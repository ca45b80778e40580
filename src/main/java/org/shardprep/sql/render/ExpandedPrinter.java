package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_vertical() ({@code \x} in the aligned and wrapped formats, any line style), streaming:
 * rows are buffered up to {@code chunkRows} to find the data width; the width never shrinks from one chunk to
 * the next, and the wrapped format's data width is fixed by the first chunk. A result that fits in one chunk
 * prints exactly like psql.
 */
final class ExpandedPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final int chunkRows;
    private final int border;
    private final int outputColumns;
    private final LineStyle style;
    private final boolean wrapped;

    private int ncols;
    private boolean[] right;
    private DisplayText.Lines[] headerLines;
    private int hwidth;
    private boolean hmultiline;
    private int dataWidth;        // the widest value so far
    private boolean dmultiline;
    private int dwidth;           // the width data is printed in
    private boolean widthsChosen;
    private final List<String[]> buffer = new ArrayList<>();
    private long record; // records printed so far

    /** @param outputColumns the target width: {@code \pset columns}, else the terminal's, 0 = unknown */
    ExpandedPrinter(PrintOptions opt, PrintWriter out, int chunkRows, int outputColumns) {
        this.opt = opt;
        this.out = out;
        this.chunkRows = chunkRows;
        this.border = Math.min(opt.getBorder(), 2);
        this.outputColumns = outputColumns;
        this.style = opt.lineStyle();
        this.wrapped = opt.getFormat() == PrintOptions.Format.WRAPPED;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        ncols = columns.size();
        right = new boolean[ncols];
        headerLines = new DisplayText.Lines[ncols];
        for (int i = 0; i < ncols; i++) {
            right[i] = columns.get(i).rightAligned();
            headerLines[i] = DisplayText.format(columns.get(i).name());
            hwidth = Math.max(hwidth, headerLines[i].maxWidth());
            if (headerLines[i].count() > 1) {
                hmultiline = true;
            }
        }
    }

    @Override
    public void rows(List<String[]> chunk) {
        if (ncols == 0) {
            return; // nothing to print for a result without columns; finish() prints the footer
        }
        List<String[]> texts = new ArrayList<>(chunk.size());
        for (String[] row : chunk) {
            String[] c = new String[ncols];
            for (int j = 0; j < ncols; j++) {
                c[j] = CellText.of(opt, right[j], row[j]);
            }
            texts.add(c);
        }
        printCells(texts);
    }

    /** Rows whose cells are already display text (null display and numeric locale applied). */
    void printCells(List<String[]> texts) {
        if (ncols == 0) {
            return;
        }
        for (String[] row : texts) {
            buffer.add(row);
            if (buffer.size() >= chunkRows) {
                flush();
            }
        }
    }

    @Override
    public void finish(long totalRows) {
        flush();
        StringBuilder sb = new StringBuilder();
        if (record == 0) {
            // psql: no cells at all, print just the default footer
            if (!opt.isTuplesOnly()) {
                for (String footer : Footer.withDefault(opt, totalRows)) {
                    sb.append(footer).append('\n');
                }
            }
            sb.append('\n');
        } else {
            if (border == 2) {
                recordLine(sb, 0, hwidth, style.bottom);
            }
            // psql prints no default "(N rows)" footer in expanded mode, only custom ones after a blank line
            List<String> footers = opt.getFooters();
            if (!opt.isTuplesOnly() && footers != null && !footers.isEmpty()) {
                if (border < 2) {
                    sb.append('\n');
                }
                for (String footer : footers) {
                    sb.append(footer).append('\n');
                }
            }
            sb.append('\n');
        }
        out.print(sb);
        out.flush();
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        for (String[] row : buffer) {
            for (int j = 0; j < ncols; j++) {
                int[] size = DisplayText.size(row[j]);
                dataWidth = Math.max(dataWidth, size[0]);
                if (size[1] > 1) {
                    dmultiline = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!widthsChosen) {
            if (!opt.isTuplesOnly() && opt.getTitle() != null) {
                sb.append(opt.getTitle()).append('\n');
            }
            if (wrapped) {
                chooseDataWidth(buffer.size());
            } else {
                dwidth = Math.max(dataWidth, headerDataWidth(buffer.size()));   // psql 15.20: the record header too
            }
            widthsChosen = true;
        } else if (!wrapped && dataWidth > dwidth) {
            dwidth = dataWidth;
        }
        for (String[] row : buffer) {
            int lhwidth = hwidth;
            if (border < 2 && hmultiline && style.oldAscii()) {
                lhwidth++;   // for newline indicators
            }
            LineStyle.Rule pos = record == 0 ? style.top : style.middle;
            if (!opt.isTuplesOnly()) {
                recordLine(sb, record + 1, lhwidth, pos);
            } else if (record != 0 || border == 2) {
                recordLine(sb, 0, lhwidth, pos);
            }
            record++;
            for (int j = 0; j < ncols; j++) {
                field(sb, headerLines[j], DisplayText.format(row[j]));
            }
            if (sb.length() > 1 << 16) {
                out.print(sb);
                sb.setLength(0);
            }
        }
        buffer.clear();
        out.print(sb);
        out.flush();
    }

    /** The data width the record header line needs ("-[ RECORD 12 ]-"), as psql 15.20 sizes it in any format. */
    private int headerDataWidth(int nrows) {
        if (opt.isTuplesOnly()) return 0;
        return recordHeaderWidth(nrows) - hwidth - separatorWidth();
    }

    /** The width of the widest "-[ RECORD n ]-" line; 0 without headers (\\t). */
    private int recordHeaderWidth(int nrows) {
        if (opt.isTuplesOnly()) return 0;
        return (nrows > 0 ? 1 + (int) Math.log10(nrows) : 0) + (border == 0 ? 9 : border == 1 ? 12 : 15);
    }

    /** What stands between the header column and the data: separators, and the newline markers' column. */
    private int separatorWidth() {
        int swidth;
        if (border == 0) {
            swidth = hmultiline ? 2 : 1;
        } else if (border == 1) {
            swidth = hmultiline && style.oldAscii() ? 4 : 3;
        } else {
            swidth = 7;
        }
        if (dmultiline && border < 2 && !style.oldAscii()) {
            swidth++;
        }
        return swidth;
    }

    /** The wrapped format's data width: the target width, and at least what the record header lines need. */
    private void chooseDataWidth(int nrows) {
        int swidth = separatorWidth();
        int rwidth = recordHeaderWidth(nrows);
        int newdwidth;
        while (true) {
            int width = Math.max(hwidth + swidth + dataWidth, rwidth);
            if (outputColumns > 0) {
                int minWidth = Math.max(hwidth + swidth + 3, rwidth);
                if (outputColumns >= width) {
                    newdwidth = width - hwidth - swidth;
                } else if (outputColumns < minWidth) {
                    newdwidth = minWidth - hwidth - swidth;
                } else {
                    newdwidth = outputColumns - hwidth - swidth;
                }
            } else {
                newdwidth = width - hwidth - swidth;
            }
            // wrapping needs a column for the wrap marker: make room for it and compute again
            if (newdwidth < dataWidth && !dmultiline && border < 2 && !style.oldAscii()) {
                dmultiline = true;
                swidth++;
            } else {
                break;
            }
        }
        dwidth = newdwidth;
    }

    /** print_aligned_vertical_line(): "-[ RECORD n ]----+-----" and its border and line style variants. */
    private void recordLine(StringBuilder sb, long rec, int lhwidth, LineStyle.Rule rule) {
        String fill = border > 0 ? rule.hrule() : " ";
        if (border == 2) {
            sb.append(rule.leftvrule()).append(rule.hrule());
        } else if (border == 1) {
            sb.append(rule.hrule());
        }
        int reclen = 0;
        if (rec > 0) {
            String r = border == 0 ? "* Record " + rec : "[ RECORD " + rec + " ]";
            sb.append(r);
            reclen = r.length();
        }
        if (border != 2) {
            reclen++;
        }
        for (int i = reclen; i < lhwidth; i++) {
            sb.append(fill);
        }
        reclen -= lhwidth;
        if (border > 0) {
            if (reclen-- <= 0) {
                sb.append(rule.hrule());
            }
            if (reclen-- <= 0) {
                sb.append(rule.midvrule());
            }
            if (reclen-- <= 0) {
                sb.append(rule.hrule());
            }
        } else {
            if (reclen-- <= 0) {
                sb.append(' ');
            }
        }
        if (reclen < 0) {
            reclen = 0;
        }
        for (int i = reclen; i < dwidth; i++) {
            sb.append(fill);
        }
        if (border == 2) {
            sb.append(rule.hrule()).append(rule.rightvrule());
        }
        sb.append('\n');
    }

    private void field(StringBuilder sb, DisplayText.Lines h, DisplayText.Lines d) {
        int hline = 0;
        int dline = 0;
        boolean hcomplete = false;
        boolean dcomplete = false;
        int offset = 0;
        int charsToOutput = d.width()[0];
        int[] cut = new int[1];
        boolean oldAscii = style.oldAscii();
        while (!dcomplete || !hcomplete) {
            if (border == 2) {
                sb.append(style.data.leftvrule());
            }
            if (!hcomplete) {
                if (border == 2 || (hmultiline && oldAscii)) {
                    sb.append(hline > 0 ? style.headerNlLeft : " ");
                }
                sb.append(h.text()[hline]);
                AlignedPrinter.spaces(sb, hwidth - h.width()[hline]);
                if (hline + 1 < h.count()) {
                    if (border > 0 || (hmultiline && !oldAscii)) {
                        sb.append(style.headerNlRight);
                    }
                    hline++;
                } else {
                    if (border > 0 || (hmultiline && !oldAscii)) {
                        sb.append(' ');
                    }
                    hcomplete = true;
                }
            } else {
                int swidth = hwidth + border;
                if (border < 2 && hmultiline && oldAscii) {
                    swidth++;
                }
                if (border == 0 && !oldAscii && hmultiline) {
                    swidth++;
                }
                AlignedPrinter.spaces(sb, Math.max(swidth, 1));
            }
            if (border > 0) {
                sb.append(offset != 0 ? style.midvruleWrap : dline == 0 ? style.data.midvrule() : style.midvruleNl);
            }
            if (!dcomplete) {
                sb.append(offset == 0 ? " " : style.wrapLeft);
                String text = d.text()[dline];
                int end = DisplayText.cut(text, offset, dwidth, cut);
                sb.append(text, offset, end);
                charsToOutput -= cut[0];
                offset = end;
                int swidth = dwidth - cut[0];
                if (charsToOutput != 0) {
                    // continuing a wrapped value
                    if (border > 1 || (dmultiline && !oldAscii)) {
                        AlignedPrinter.spaces(sb, swidth);
                        sb.append(style.wrapRight);
                    }
                } else if (dline + 1 < d.count()) {
                    // reached a newline in the value
                    if (border > 1 || (dmultiline && !oldAscii)) {
                        AlignedPrinter.spaces(sb, swidth);
                        sb.append(style.nlRight);
                    }
                    dline++;
                    offset = 0;
                    charsToOutput = d.width()[dline];
                } else {
                    if (border > 1) {
                        AlignedPrinter.spaces(sb, swidth);
                        sb.append(' ');
                    }
                    dcomplete = true;
                }
                if (border == 2) {
                    sb.append(style.data.rightvrule());
                }
                sb.append('\n');
            } else {
                if (border < 2) {
                    sb.append('\n');
                } else {
                    AlignedPrinter.spaces(sb, dwidth + 2);
                    sb.append(style.data.rightvrule()).append('\n');
                }
            }
        }
    }
}
