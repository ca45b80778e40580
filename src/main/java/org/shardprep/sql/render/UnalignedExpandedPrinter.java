package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_unaligned_vertical() ({@code psql -A -x}). */
final class UnalignedExpandedPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private String[] headers;
    private boolean[] right;
    private boolean needRecordSep;

    UnalignedExpandedPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        if (!opt.isTuplesOnly() && opt.getTitle() != null) {
            out.print(opt.getTitle());
            needRecordSep = true;
        }
    }

    @Override
    public void rows(List<String[]> chunk) {
        StringBuilder sb = new StringBuilder();
        String rs = opt.recordSeparator();
        for (String[] row : chunk) {
            for (int j = 0; j < headers.length; j++) {
                if (needRecordSep) {
                    sb.append(rs).append(rs);
                    needRecordSep = false;
                }
                sb.append(headers[j]).append(opt.fieldSeparator());
                String v = row[j];
                sb.append(CellText.of(opt, right[j], v));
                if (j < headers.length - 1) {
                    sb.append(rs);
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
        // psql prints no default footer in expanded mode; custom ones follow an empty record
        List<String> footers = opt.getFooters();
        if (!opt.isTuplesOnly() && footers != null && !footers.isEmpty()) {
            StringBuilder sb = new StringBuilder(opt.recordSeparator());
            for (String footer : footers) {
                sb.append(opt.recordSeparator()).append(footer);
            }
            out.print(sb);
        }
        if (needRecordSep) {
            out.print(UnalignedPrinter.terminator(opt));
        }
        out.flush();
    }
}
