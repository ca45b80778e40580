package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_text() for the aligned and wrapped formats, in any line style, streaming in chunks of
 * at most {@code chunkRows} rows. The wrapped format shrinks columns to the target width (psql's choice of
 * the column with the highest max/average width ratio, one column at a time) when the first chunk is printed
 * and keeps those widths; the aligned format widens a column in a later chunk when one of its values is wider.
 * Also implements {@code \x auto}: if the first chunk would be wider than the target width, the rest of the
 * result goes to an {@link ExpandedPrinter}.
 */
final class AlignedPrinter implements ResultPrinter {

    static final int DEFAULT_CHUNK_ROWS = 10_000;

    private enum Wrap { NONE, WRAP, NEWLINE }

    private final PrintOptions opt;
    private final PrintWriter out;
    private final int outputColumns;
    private final int chunkRows;
    private final int border;
    private final LineStyle style;
    private final boolean wrapped;

    private List<ColumnInfo> columns;
    private int ncols;
    private boolean[] right;
    private String[] headers;
    private int[] headerWidth;
    private int[] maxWidth;
    private long[] widthSum;
    private long rowsSeen;
    private int[] widthWrap;
    private int widthTotal;
    private List<String[]> buffer;
    private boolean headerPrinted;
    private ExpandedPrinter expanded;

    /** @param outputColumns the target width: {@code \pset columns}, else the terminal's, 0 = unknown */
    AlignedPrinter(PrintOptions opt, PrintWriter out, int outputColumns, int chunkRows) {
        this.opt = opt;
        this.out = out;
        this.outputColumns = outputColumns;
        this.chunkRows = chunkRows;
        this.border = Math.min(opt.getBorder(), 2);
        this.style = opt.lineStyle();
        this.wrapped = opt.getFormat() == PrintOptions.Format.WRAPPED;
    }

    @Override
    public void start(List<ColumnInfo> cols) {
        this.columns = List.copyOf(cols);
        this.ncols = columns.size();
        this.right = new boolean[ncols];
        this.headers = new String[ncols];
        this.headerWidth = new int[ncols];
        this.maxWidth = new int[ncols];
        this.widthSum = new long[ncols];
        for (int i = 0; i < ncols; i++) {
            right[i] = columns.get(i).rightAligned();
            headers[i] = columns.get(i).name();
            headerWidth[i] = DisplayText.width(headers[i]);
            maxWidth[i] = headerWidth[i];
        }
        this.buffer = new ArrayList<>(Math.min(chunkRows, 1024));
    }

    @Override
    public void rows(List<String[]> chunk) {
        if (expanded != null) {
            expanded.rows(chunk);
            return;
        }
        for (int i = 0, n = chunk.size(); i < n; i++) {
            buffer.add(chunk.get(i));
            if (buffer.size() >= chunkRows) {
                flush();
                if (expanded != null) {
                    // \x auto switched to expanded: hand the rest of this chunk over
                    expanded.rows(chunk.subList(i + 1, n));
                    return;
                }
            }
        }
    }

    @Override
    public void finish(long totalRows) {
        if (expanded == null && (!headerPrinted || !buffer.isEmpty())) {
            flush();
        }
        if (expanded != null) {
            expanded.finish(totalRows);
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (border == 2) {
            horizontalLine(sb, style.bottom);
        }
        if (!opt.isTuplesOnly()) {
            for (String footer : Footer.withDefault(opt, totalRows)) {
                sb.append(footer).append('\n');
            }
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }

    private String[] cells(String[] row) {
        String[] c = new String[ncols];
        for (int j = 0; j < ncols; j++) {
            c[j] = CellText.of(opt, right[j], row[j]);
        }
        return c;
    }

    private int borderWidth() {
        if (border == 0) return ncols;
        if (border == 1) return ncols * 3 - (ncols > 0 ? 1 : 0);
        return ncols * 3 + 1;
    }

    private void flush() {
        List<String[]> texts = new ArrayList<>(buffer.size());
        for (String[] row : buffer) {
            String[] c = cells(row);
            texts.add(c);
            for (int j = 0; j < ncols; j++) {
                int w = DisplayText.width(c[j]);
                if (w > maxWidth[j]) maxWidth[j] = w;
                widthSum[j] += w;
            }
        }
        rowsSeen += buffer.size();
        buffer.clear();
        StringBuilder sb = new StringBuilder();
        if (!headerPrinted) {
            chooseWidths();
            int totalHeaderWidth = borderWidth();
            for (int w : headerWidth) totalHeaderWidth += w;
            if (opt.getExpanded() == PrintOptions.Expanded.AUTO && outputColumns > 0 && ncols > 1
                    && (outputColumns < totalHeaderWidth || outputColumns < widthTotal)) {
                expanded = new ExpandedPrinter(opt, out, chunkRows, outputColumns);
                expanded.start(columns);
                expanded.printCells(texts);
                return;
            }
            header(sb);
            headerPrinted = true;
        } else if (!wrapped) {
            widthWrap = maxWidth.clone();   // a later chunk only widens columns
        }
        for (String[] row : texts) {
            row(sb, row);
            if (sb.length() > 1 << 16) {
                out.print(sb);
                sb.setLength(0);
            }
        }
        out.print(sb);
        out.flush();
    }

    /** The column widths: the widest value, and in the wrapped format shrunk to the target width. */
    private void chooseWidths() {
        widthWrap = maxWidth.clone();
        widthTotal = borderWidth();
        int totalHeaderWidth = borderWidth();
        for (int i = 0; i < ncols; i++) {
            widthTotal += maxWidth[i];
            totalHeaderWidth += headerWidth[i];
        }
        if (!wrapped || outputColumns <= 0 || outputColumns < totalHeaderWidth) {
            return;
        }
        long[] average = new long[ncols];
        for (int i = 0; i < ncols; i++) {
            average[i] = rowsSeen == 0 ? 0 : widthSum[i] / rowsSeen;
        }
        while (widthTotal > outputColumns) {
            double maxRatio = 0;
            int worst = -1;
            for (int i = 0; i < ncols; i++) {
                if (average[i] != 0 && widthWrap[i] > headerWidth[i]) {
                    // penalize wide columns by 1% of their width
                    double ratio = (double) widthWrap[i] / average[i] + maxWidth[i] * 0.01;
                    if (ratio > maxRatio) {
                        maxRatio = ratio;
                        worst = i;
                    }
                }
            }
            if (worst == -1) {
                break;
            }
            widthWrap[worst]--;
            widthTotal--;
        }
    }

    private void header(StringBuilder sb) {
        String title = opt.getTitle();
        if (title != null && !opt.isTuplesOnly()) {
            int tw = DisplayText.width(title);
            if (tw < widthTotal) {
                spaces(sb, (widthTotal - tw) / 2);
            }
            sb.append(title).append('\n');
        }
        if (opt.isTuplesOnly()) {
            return;
        }
        if (border == 2) {
            horizontalLine(sb, style.top);
        }
        DisplayText.Lines[] lines = new DisplayText.Lines[ncols];
        for (int i = 0; i < ncols; i++) {
            lines[i] = DisplayText.format(headers[i]);
        }
        boolean[] done = new boolean[ncols];
        int more = ncols;
        for (int line = 0; more > 0; line++) {
            if (border == 2) {
                sb.append(style.data.leftvrule());
            }
            for (int i = 0; i < ncols; i++) {
                if (border != 0 || (!style.wrapRightBorder && i > 0)) {
                    sb.append(line > 0 ? style.headerNlLeft : " ");
                }
                if (!done[i]) {
                    int nbspace = widthWrap[i] - lines[i].width()[line];
                    spaces(sb, nbspace / 2);
                    sb.append(lines[i].text()[line]);
                    spaces(sb, (nbspace + 1) / 2);
                    if (line + 1 >= lines[i].count()) {
                        more--;
                        done[i] = true;
                    }
                } else {
                    spaces(sb, widthWrap[i]);
                }
                if (border != 0 || style.wrapRightBorder) {
                    sb.append(!done[i] ? style.headerNlRight : " ");
                }
                if (border != 0 && i < ncols - 1) {
                    sb.append(style.data.midvrule());
                }
            }
            if (border == 2) {
                sb.append(style.data.rightvrule());
            }
            sb.append('\n');
        }
        horizontalLine(sb, style.middle);
    }

    private void horizontalLine(StringBuilder sb, LineStyle.Rule rule) {
        if (border == 1) {
            sb.append(rule.hrule());
        } else if (border == 2) {
            sb.append(rule.leftvrule()).append(rule.hrule());
        }
        for (int i = 0; i < ncols; i++) {
            repeat(sb, rule.hrule(), widthWrap[i]);
            if (i < ncols - 1) {
                if (border == 0) {
                    sb.append(' ');
                } else {
                    sb.append(rule.hrule()).append(rule.midvrule()).append(rule.hrule());
                }
            }
        }
        if (border == 2) {
            sb.append(rule.hrule()).append(rule.rightvrule());
        } else if (border == 1) {
            sb.append(rule.hrule());
        }
        sb.append('\n');
    }

    private void row(StringBuilder sb, String[] row) {
        if (ncols == 0) {
            return;
        }
        DisplayText.Lines[] lines = new DisplayText.Lines[ncols];
        int[] curr = new int[ncols];
        int[] offset = new int[ncols];
        Wrap[] wrap = new Wrap[ncols];
        int[] cut = new int[1];
        for (int j = 0; j < ncols; j++) {
            lines[j] = DisplayText.format(row[j]);
            wrap[j] = Wrap.NONE;
        }
        boolean moreLines;
        do {
            moreLines = false;
            if (border == 2) {
                sb.append(style.data.leftvrule());
            }
            for (int j = 0; j < ncols; j++) {
                int width = widthWrap[j];
                int chars = width;
                boolean finalSpaces = border == 2 || j < ncols - 1;
                if (border != 0) {
                    sb.append(wrap[j] == Wrap.WRAP ? style.wrapLeft : wrap[j] == Wrap.NEWLINE ? style.nlLeft : " ");
                }
                if (curr[j] >= lines[j].count()) {
                    if (finalSpaces) {
                        spaces(sb, width);
                    }
                } else {
                    String text = lines[j].text()[curr[j]];
                    int end = DisplayText.cut(text, offset[j], width, cut);
                    chars = Math.min(cut[0], width);
                    if (right[j]) {
                        spaces(sb, width - chars);
                    }
                    sb.append(text, offset[j], end);
                    offset[j] = end;
                    if (end < text.length()) {
                        moreLines = true;
                    } else {
                        curr[j]++;
                        if (curr[j] < lines[j].count()) {
                            moreLines = true;
                        }
                        offset[j] = 0;
                    }
                }
                wrap[j] = Wrap.NONE;
                if (curr[j] < lines[j].count()) {
                    if (offset[j] != 0) {
                        wrap[j] = Wrap.WRAP;
                    } else if (curr[j] != 0) {
                        wrap[j] = Wrap.NEWLINE;
                    }
                }
                if (!right[j] && (finalSpaces || wrap[j] != Wrap.NONE)) {
                    spaces(sb, width - chars);
                }
                if (wrap[j] == Wrap.WRAP) {
                    sb.append(style.wrapRight);
                } else if (wrap[j] == Wrap.NEWLINE) {
                    sb.append(style.nlRight);
                } else if (border == 2 || j < ncols - 1) {
                    sb.append(' ');
                }
                if (border != 0 && j < ncols - 1) {
                    if (wrap[j + 1] == Wrap.WRAP) {
                        sb.append(style.midvruleWrap);
                    } else if (wrap[j + 1] == Wrap.NEWLINE) {
                        sb.append(style.midvruleNl);
                    } else if (curr[j + 1] >= lines[j + 1].count()) {
                        sb.append(style.midvruleBlank);
                    } else {
                        sb.append(style.data.midvrule());
                    }
                }
            }
            if (border == 2) {
                sb.append(style.data.rightvrule());
            }
            sb.append('\n');
        } while (moreLines);
    }

    static void spaces(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    static void repeat(StringBuilder sb, String s, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(s);
        }
    }
}
