package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_asciidoc_text() and print_asciidoc_vertical() ({@code \pset format asciidoc}). */
final class AsciidocPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final boolean vertical;
    private String[] headers;
    private boolean[] right;
    private long record;

    AsciidocPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        StringBuilder sb = new StringBuilder("\n");   // a table starts a new paragraph
        if (!opt.isTuplesOnly() && opt.getTitle() != null) {
            sb.append('.').append(opt.getTitle()).append('\n');
        }
        if (vertical) {
            sb.append("[cols=\"h,l\"");
        } else {
            sb.append('[').append(opt.isTuplesOnly() ? "" : "options=\"header\",").append("cols=\"");
            for (int i = 0; i < headers.length; i++) {
                if (i != 0) sb.append(',');
                sb.append(right[i] ? ">l" : "<l");
            }
            sb.append('"');
        }
        switch (opt.getBorder()) {
            case 0 -> sb.append(",frame=\"none\",grid=\"none\"");
            case 1 -> sb.append(",frame=\"none\"");
            case 2 -> sb.append(",frame=\"all\",grid=\"all\"");
            default -> { }
        }
        sb.append("]\n|====\n");
        if (!vertical && !opt.isTuplesOnly()) {
            for (int i = 0; i < headers.length; i++) {
                if (i != 0) sb.append(' ');
                sb.append("^l|");
                escape(sb, headers[i]);
            }
            sb.append('\n');
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
            if (vertical) {
                record++;
                sb.append(opt.isTuplesOnly() ? "2+|\n" : "2+^|Record " + record + "\n");
                for (int j = 0; j < n; j++) {
                    sb.append("<l|");
                    escape(sb, headers[j]);
                    sb.append(' ').append(right[j] ? ">l" : "<l").append('|');
                    if (CellText.blank(row[j])) {
                        sb.append(' ');
                    } else {
                        escape(sb, row[j]);
                    }
                    sb.append('\n');
                }
            } else {
                for (int j = 0; j < n; j++) {
                    if (j != 0) sb.append(' ');
                    sb.append('|');
                    if (!CellText.blank(row[j])) {
                        escape(sb, row[j]);
                    } else if (j != n - 1) {
                        sb.append(' ');   // protect against needless spaces
                    }
                }
                sb.append('\n');
            }
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public void finish(long totalRows) {
        StringBuilder sb = new StringBuilder("|====\n");
        List<String> footers = vertical ? opt.getFooters() : Footer.withDefault(opt, totalRows);
        if (!opt.isTuplesOnly() && footers != null && !footers.isEmpty()) {
            sb.append("\n....\n");
            for (String f : footers) {
                sb.append(f).append('\n');
            }
            sb.append("....\n");
        }
        out.print(sb);
        out.flush();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '|') sb.append("\\|"); else sb.append(c);
        }
    }
}
