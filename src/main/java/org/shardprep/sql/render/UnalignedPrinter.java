package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_unaligned_text() ({@code psql -A}). */
final class UnalignedPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private int ncols;
    private boolean[] right;
    private boolean needRecordSep;

    UnalignedPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        ncols = columns.size();
        right = CellText.rightAligned(columns);
        StringBuilder sb = new StringBuilder();
        if (!opt.isTuplesOnly()) {
            if (opt.getTitle() != null) {
                sb.append(opt.getTitle()).append(opt.recordSeparator());
            }
            for (int i = 0; i < ncols; i++) {
                if (i > 0) {
                    sb.append(opt.fieldSeparator());
                }
                sb.append(columns.get(i).name());
            }
            needRecordSep = true;
        }
        out.print(sb);
    }

    @Override
    public void rows(List<String[]> chunk) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : chunk) {
            for (int j = 0; j < ncols; j++) {
                if (needRecordSep) {
                    sb.append(opt.recordSeparator());
                    needRecordSep = false;
                }
                String v = row[j];
                sb.append(CellText.of(opt, right[j], v));
                if (j < ncols - 1) {
                    sb.append(opt.fieldSeparator());
                } else {
                    needRecordSep = true;
                }
            }
            if (sb.length() > 1 << 16) {
                out.print(sb);
                sb.setLength(0);
            }
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public void finish(long totalRows) {
        StringBuilder sb = new StringBuilder();
        if (!opt.isTuplesOnly()) {
            for (String footer : Footer.withDefault(opt, totalRows)) {
                if (needRecordSep) {
                    sb.append(opt.recordSeparator());
                }
                sb.append(footer);
                needRecordSep = true;
            }
        }
        if (needRecordSep) {
            sb.append(terminator(opt));
        }
        out.print(sb);
        out.flush();
    }

    /** The last record ends with a newline, or with the zero byte when that is the record separator. */
    static String terminator(PrintOptions opt) {
        return opt.isRecordSeparatorZero() ? "\0" : "\n";
    }
}
