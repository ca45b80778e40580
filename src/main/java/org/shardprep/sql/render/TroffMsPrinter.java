package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_troff_ms_text() and print_troff_ms_vertical() ({@code \pset format troff-ms}, tbl input). */
final class TroffMsPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final boolean vertical;
    private final int border;
    private String[] headers;
    private boolean[] right;
    private long record;
    private int currentFormat;   // vertical: 0 none yet, 1 record header, 2 body

    TroffMsPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
        this.border = Math.min(opt.getBorder(), 2);
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        StringBuilder sb = new StringBuilder();
        if (!opt.isTuplesOnly() && opt.getTitle() != null) {
            sb.append(".LP\n.DS C\n");
            escape(sb, opt.getTitle());
            sb.append("\n.DE\n");
        }
        sb.append(".LP\n.TS\n").append(border == 2 ? "center box;\n" : "center;\n");
        if (vertical) {
            if (opt.isTuplesOnly()) sb.append("c l;\n");
        } else {
            for (int i = 0; i < headers.length; i++) {
                sb.append(right[i] ? 'r' : 'l');
                if (border > 0 && i < headers.length - 1) sb.append(" | ");
            }
            sb.append(".\n");
            if (!opt.isTuplesOnly()) {
                for (int i = 0; i < headers.length; i++) {
                    if (i != 0) sb.append('\t');
                    sb.append("\\fI");
                    escape(sb, headers[i]);
                    sb.append("\\fP");
                }
                sb.append("\n_\n");
            }
        }
        out.print(sb);
    }

    @Override
    public void rows(List<String[]> chunk) {
        int n = headers.length;
        if (n == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String[] raw : chunk) {
            String[] row = CellText.row(opt, right, raw);
            if (!vertical) {
                for (int j = 0; j < n; j++) {
                    escape(sb, row[j]);
                    sb.append(j < n - 1 ? '\t' : '\n');
                }
                continue;
            }
            record++;
            if (!opt.isTuplesOnly()) {
                if (currentFormat != 1) {
                    if (border == 2 && record > 1) sb.append("_\n");
                    if (currentFormat != 0) sb.append(".T&\n");
                    sb.append("c s.\n");
                    currentFormat = 1;
                }
                sb.append("\\fIRecord ").append(record).append("\\fP\n");
            }
            if (border >= 1) sb.append("_\n");
            for (int j = 0; j < n; j++) {
                if (!opt.isTuplesOnly() && currentFormat != 2) {
                    if (currentFormat != 0) sb.append(".T&\n");
                    sb.append(border != 1 ? "c l.\n" : "c | l.\n");
                    currentFormat = 2;
                }
                escape(sb, headers[j]);
                sb.append('\t');
                escape(sb, row[j]);
                sb.append('\n');
            }
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public void finish(long totalRows) {
        StringBuilder sb = new StringBuilder(".TE\n.DS L\n");
        List<String> footers = vertical ? opt.getFooters() : Footer.withDefault(opt, totalRows);
        if (!opt.isTuplesOnly() && footers != null) {
            for (String f : footers) {
                escape(sb, f);
                sb.append('\n');
            }
        }
        sb.append(".DE\n");
        out.print(sb);
        out.flush();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') sb.append("\\(rs"); else sb.append(c);
        }
    }
}
