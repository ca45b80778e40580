package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/** psql's print_html_text() and print_html_vertical() ({@code \pset format html}, {@code \H}). */
final class HtmlPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final boolean vertical;
    private String[] headers;
    private boolean[] right;
    private long record;

    HtmlPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        StringBuilder sb = new StringBuilder();
        sb.append("<table border=\"").append(opt.getBorder()).append('"');
        if (opt.getTableAttr() != null) {
            sb.append(' ').append(opt.getTableAttr());
        }
        sb.append(">\n");
        if (!opt.isTuplesOnly() && opt.getTitle() != null) {
            sb.append("  <caption>");
            escape(sb, opt.getTitle());
            sb.append("</caption>\n");
        }
        if (!vertical && !opt.isTuplesOnly()) {
            sb.append("  <tr>\n");
            for (String h : headers) {
                sb.append("    <th align=\"center\">");
                escape(sb, h);
                sb.append("</th>\n");
            }
            sb.append("  </tr>\n");
        }
        out.print(sb);
    }

    @Override
    public void rows(List<String[]> chunk) {
        if (headers.length == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String[] raw : chunk) {
            String[] row = CellText.row(opt, right, raw);
            if (vertical) {
                record++;
                sb.append(opt.isTuplesOnly() ? "\n  <tr><td colspan=\"2\">&nbsp;</td></tr>\n"
                        : "\n  <tr><td colspan=\"2\" align=\"center\">Record " + record + "</td></tr>\n");
                for (int j = 0; j < headers.length; j++) {
                    sb.append("  <tr valign=\"top\">\n    <th>");
                    escape(sb, headers[j]);
                    sb.append("</th>\n");
                    cell(sb, j, row[j]);
                    sb.append("</td>\n  </tr>\n");
                }
            } else {
                sb.append("  <tr valign=\"top\">\n");
                for (int j = 0; j < headers.length; j++) {
                    cell(sb, j, row[j]);
                    sb.append("</td>\n");
                }
                sb.append("  </tr>\n");
            }
        }
        out.print(sb);
        out.flush();
    }

    private void cell(StringBuilder sb, int j, String v) {
        sb.append("    <td align=\"").append(right[j] ? "right" : "left").append("\">");
        if (CellText.blank(v)) {
            sb.append("&nbsp; ");
        } else {
            escape(sb, v);
        }
    }

    @Override
    public void finish(long totalRows) {
        StringBuilder sb = new StringBuilder("</table>\n");
        // the vertical form has no "(N rows)", only footers of its own
        List<String> footers = vertical ? opt.getFooters() : Footer.withDefault(opt, totalRows);
        if (!opt.isTuplesOnly() && footers != null && !footers.isEmpty()) {
            sb.append("<p>");
            for (String f : footers) {
                escape(sb, f);
                sb.append("<br />\n");
            }
            sb.append("</p>");
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }

    /** psql's html_escaped_print(): leading spaces become &amp;nbsp; (for EXPLAIN output). */
    static void escape(StringBuilder sb, String s) {
        boolean leadingSpace = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\n' -> sb.append("<br />\n");
                case '"' -> sb.append("&quot;");
                case ' ' -> sb.append(leadingSpace ? "&nbsp;" : " ");
                default -> sb.append(c);
            }
            if (c != ' ') {
                leadingSpace = false;
            }
        }
    }
}
