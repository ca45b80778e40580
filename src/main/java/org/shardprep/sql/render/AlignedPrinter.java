package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_text() (ASCII line style, no wrapping), streaming in chunks of at most
 * {@code chunkRows} rows. Also implements {@code \x auto}: if the first chunk would be wider than
 * the terminal, the rest of the result goes to an {@link ExpandedPrinter}.
 */
final class AlignedPrinter implements ResultPrinter {

    static final int DEFAULT_CHUNK_ROWS = 10_000;

    private final PrintOptions opt;
    private final PrintWriter out;
    private final int terminalWidth;
    private final int chunkRows;
    private final int border;

    private List<ColumnInfo> columns;
    private int ncols;
    private boolean[] right;
    private String[] headers;
    private int[] headerWidth;
    private int[] widths;
    private List<String[]> buffer;
    private boolean headerPrinted;
    private ExpandedPrinter expanded;

    AlignedPrinter(PrintOptions opt, PrintWriter out, int terminalWidth, int chunkRows) {
        this.opt = opt;
        this.out = out;
        this.terminalWidth = terminalWidth;
        this.chunkRows = chunkRows;
        this.border = Math.min(opt.getBorder(), 2);
    }

    @Override
    public void start(List<ColumnInfo> cols) {
        this.columns = List.copyOf(cols);
        this.ncols = columns.size();
        this.right = new boolean[ncols];
        this.headers = new String[ncols];
        this.headerWidth = new int[ncols];
        this.widths = new int[ncols];
        for (int i = 0; i < ncols; i++) {
            right[i] = columns.get(i).rightAligned();
            headers[i] = columns.get(i).name();
            headerWidth[i] = DisplayText.width(headers[i]);
            widths[i] = headerWidth[i];
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
            horizontalLine(sb);
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

    private String cell(String v) {
        return v == null ? opt.getNullDisplay() : v;
    }

    private int widthTotal() {
        int total;
        if (border == 0) {
            total = ncols;
        } else if (border == 1) {
            total = ncols * 3 - (ncols > 0 ? 1 : 0);
        } else {
            total = ncols * 3 + 1;
        }
        for (int w : widths) {
            total += w;
        }
        return total;
    }

    private void flush() {
        for (String[] row : buffer) {
            for (int j = 0; j < ncols; j++) {
                int w = DisplayText.width(cell(row[j]));
                if (w > widths[j]) {
                    widths[j] = w;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!headerPrinted) {
            if (opt.getExpanded() == PrintOptions.Expanded.AUTO && terminalWidth > 0 && ncols > 1
                    && terminalWidth < widthTotal()) {
                expanded = new ExpandedPrinter(opt, out, chunkRows);
                expanded.start(columns);
                expanded.rows(buffer);
                buffer.clear();
                return;
            }
            header(sb);
            headerPrinted = true;
        }
        for (String[] row : buffer) {
            row(sb, row);
            if (sb.length() > 1 << 16) {
                out.print(sb);
                sb.setLength(0);
            }
        }
        buffer.clear();
        out.print(sb);
        out.flush();
    }

    private void header(StringBuilder sb) {
        String title = opt.getTitle();
        if (title != null && !opt.isTuplesOnly()) {
            int tw = DisplayText.width(title);
            int total = widthTotal();
            if (tw >= total) {
                sb.append(title).append('\n');
            } else {
                spaces(sb, (total - tw) / 2);
                sb.append(title).append('\n');
            }
        }
        if (opt.isTuplesOnly()) {
            return;
        }
        if (border == 2) {
            horizontalLine(sb);
        }
        DisplayText.Lines[] lines = new DisplayText.Lines[ncols];
        for (int i = 0; i < ncols; i++) {
            lines[i] = DisplayText.format(headers[i]);
        }
        boolean[] done = new boolean[ncols];
        int more = ncols;
        for (int line = 0; more > 0; line++) {
            if (border == 2) {
                sb.append('|');
            }
            for (int i = 0; i < ncols; i++) {
                if (border != 0) {
                    sb.append(' '); // header_nl_left is " " in the ascii style
                }
                if (!done[i]) {
                    int nbspace = widths[i] - lines[i].width()[line];
                    spaces(sb, nbspace / 2);
                    sb.append(lines[i].text()[line]);
                    spaces(sb, (nbspace + 1) / 2);
                    if (line + 1 >= lines[i].count()) {
                        more--;
                        done[i] = true;
                    }
                } else {
                    spaces(sb, widths[i]);
                }
                // wrap_right_border is true in the ascii style, so this is printed even with border 0
                sb.append(!done[i] ? '+' : ' ');
                if (border != 0 && i < ncols - 1) {
                    sb.append('|');
                }
            }
            if (border == 2) {
                sb.append('|');
            }
            sb.append('\n');
        }
        horizontalLine(sb);
    }

    private void horizontalLine(StringBuilder sb) {
        if (border == 1) {
            sb.append('-');
        } else if (border == 2) {
            sb.append("+-");
        }
        for (int i = 0; i < ncols; i++) {
            repeat(sb, '-', widths[i]);
            if (i < ncols - 1) {
                if (border == 0) {
                    sb.append(' ');
                } else {
                    sb.append("-+-");
                }
            }
        }
        if (border == 2) {
            sb.append("-+");
        } else if (border == 1) {
            sb.append('-');
        }
        sb.append('\n');
    }

    private void row(StringBuilder sb, String[] row) {
        if (ncols == 0) {
            return;
        }
        DisplayText.Lines[] lines = new DisplayText.Lines[ncols];
        int[] curr = new int[ncols];
        boolean[] nlWrap = new boolean[ncols];
        for (int j = 0; j < ncols; j++) {
            lines[j] = DisplayText.format(cell(row[j]));
        }
        boolean moreLines;
        do {
            moreLines = false;
            if (border == 2) {
                sb.append('|');
            }
            for (int j = 0; j < ncols; j++) {
                int width = widths[j];
                int chars = width;
                boolean finalSpaces = border == 2 || j < ncols - 1;
                if (border != 0) {
                    sb.append(' '); // nl_left is " " in the ascii style
                }
                if (curr[j] >= lines[j].count()) {
                    if (finalSpaces) {
                        spaces(sb, width);
                    }
                } else {
                    chars = lines[j].width()[curr[j]];
                    if (right[j]) {
                        spaces(sb, width - chars);
                    }
                    sb.append(lines[j].text()[curr[j]]);
                    curr[j]++;
                    if (curr[j] < lines[j].count()) {
                        moreLines = true;
                    }
                }
                nlWrap[j] = curr[j] < lines[j].count() && curr[j] != 0;
                if (!right[j] && (finalSpaces || nlWrap[j])) {
                    spaces(sb, width - chars);
                }
                if (nlWrap[j]) {
                    sb.append('+');
                } else if (border == 2 || j < ncols - 1) {
                    sb.append(' ');
                }
                if (border != 0 && j < ncols - 1) {
                    sb.append('|'); // midvrule, midvrule_nl and midvrule_blank are all "|"
                }
            }
            if (border == 2) {
                sb.append('|');
            }
            sb.append('\n');
        } while (moreLines);
    }

    static void spaces(StringBuilder sb, int n) {
        repeat(sb, ' ', n);
    }

    static void repeat(StringBuilder sb, char c, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
    }
}
