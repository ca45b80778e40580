package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_vertical() ({@code \x}, ASCII line style, no wrapping), streaming: rows are
 * buffered up to {@code chunkRows} to find the data width; the width never shrinks from one chunk
 * to the next. A result that fits in one chunk prints exactly like psql.
 */
final class ExpandedPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final int chunkRows;
    private final int border;

    private int ncols;
    private DisplayText.Lines[] headerLines;
    private int hwidth;
    private boolean hmultiline;
    private int dwidth;
    private final List<String[]> buffer = new ArrayList<>();
    private long record; // records printed so far

    ExpandedPrinter(PrintOptions opt, PrintWriter out, int chunkRows) {
        this.opt = opt;
        this.out = out;
        this.chunkRows = chunkRows;
        this.border = Math.min(opt.getBorder(), 2);
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        ncols = columns.size();
        headerLines = new DisplayText.Lines[ncols];
        for (int i = 0; i < ncols; i++) {
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
        for (String[] row : chunk) {
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
                recordLine(sb, 0);
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

    private String cell(String v) {
        return v == null ? opt.getNullDisplay() : v;
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        for (String[] row : buffer) {
            for (int j = 0; j < ncols; j++) {
                dwidth = Math.max(dwidth, DisplayText.width(cell(row[j])));
            }
        }
        StringBuilder sb = new StringBuilder();
        if (record == 0 && !opt.isTuplesOnly() && opt.getTitle() != null) {
            sb.append(opt.getTitle()).append('\n');
        }
        for (String[] row : buffer) {
            if (!opt.isTuplesOnly()) {
                recordLine(sb, record + 1);
            } else if (record != 0 || border == 2) {
                recordLine(sb, 0);
            }
            record++;
            for (int j = 0; j < ncols; j++) {
                field(sb, headerLines[j], DisplayText.format(cell(row[j])));
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

    /** print_aligned_vertical_line(): "-[ RECORD n ]----+-----" and its border variants. */
    private void recordLine(StringBuilder sb, long rec) {
        char fill = border > 0 ? '-' : ' ';
        if (border == 2) {
            sb.append("+-");
        } else if (border == 1) {
            sb.append('-');
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
        for (int i = reclen; i < hwidth; i++) {
            sb.append(fill);
        }
        reclen -= hwidth;
        if (border > 0) {
            if (reclen-- <= 0) {
                sb.append('-');
            }
            if (reclen-- <= 0) {
                sb.append('+');
            }
            if (reclen-- <= 0) {
                sb.append('-');
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
            sb.append("-+");
        }
        sb.append('\n');
    }

    private void field(StringBuilder sb, DisplayText.Lines h, DisplayText.Lines d) {
        int hline = 0;
        int dline = 0;
        boolean hcomplete = false;
        boolean dcomplete = false;
        while (!dcomplete || !hcomplete) {
            if (border == 2) {
                sb.append('|');
            }
            if (!hcomplete) {
                if (border == 2) {
                    sb.append(' '); // header_nl_left is " " in the ascii style
                }
                sb.append(h.text()[hline]);
                AlignedPrinter.spaces(sb, hwidth - h.width()[hline]);
                if (hline + 1 < h.count()) {
                    if (border > 0 || hmultiline) {
                        sb.append('+');
                    }
                    hline++;
                } else {
                    if (border > 0 || hmultiline) {
                        sb.append(' ');
                    }
                    hcomplete = true;
                }
            } else {
                int swidth = hwidth + border;
                if (border == 0 && hmultiline) {
                    swidth++;
                }
                AlignedPrinter.spaces(sb, Math.max(swidth, 1));
            }
            if (border > 0) {
                sb.append('|');
            }
            if (!dcomplete) {
                sb.append(' ');
                sb.append(d.text()[dline]);
                int swidth = dwidth - d.width()[dline];
                if (dline + 1 < d.count()) {
                    AlignedPrinter.spaces(sb, swidth);
                    sb.append('+');
                    dline++;
                } else {
                    if (border > 1) {
                        AlignedPrinter.spaces(sb, swidth);
                        sb.append(' ');
                    }
                    dcomplete = true;
                }
                if (border == 2) {
                    sb.append('|');
                }
                sb.append('\n');
            } else {
                if (border < 2) {
                    sb.append('\n');
                } else {
                    AlignedPrinter.spaces(sb, dwidth + 2);
                    sb.append("|\n");
                }
            }
        }
    }
}
