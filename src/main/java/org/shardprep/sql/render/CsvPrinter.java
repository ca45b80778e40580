package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_csv_text() and print_csv_vertical() ({@code psql --csv}, with {@code -x}). */
final class CsvPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final char sep;
    private final boolean vertical;
    private String[] headers;
    private boolean[] right;

    CsvPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.sep = opt.getCsvFieldSeparator().charAt(0);
        this.vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        if (!vertical && !opt.isTuplesOnly()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < headers.length; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                field(sb, headers[i]);
            }
            sb.append('\n');
            out.print(sb);
        }
    }

    @Override
    public void rows(List<String[]> chunk) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : chunk) {
            for (int j = 0; j < headers.length; j++) {
                String v = CellText.of(opt, right[j], row[j]);
                if (vertical) {
                    field(sb, headers[j]);
                    sb.append(sep);
                    field(sb, v);
                    sb.append('\n');
                } else {
                    field(sb, v);
                    sb.append(j < headers.length - 1 ? sep : '\n');
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
        out.flush();
    }

    /** csv_print_field(): quote when the value holds the separator, CR, LF or '"', or is exactly "\.". */
    private void field(StringBuilder sb, String s) {
        boolean quote = sep == '\\' || sep == '.' || s.equals("\\.");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == sep || c == '\r' || c == '\n' || c == '"';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
