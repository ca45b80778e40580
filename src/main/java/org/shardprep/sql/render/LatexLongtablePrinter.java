package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * psql's print_latex_longtable_text() ({@code \pset format latex-longtable}; with {@code \x} psql prints
 * the latex vertical form, {@link LatexPrinter}). {@code \pset tableattr} gives left-aligned columns their
 * widths, as fractions of the text width.
 */
final class LatexLongtablePrinter implements ResultPrinter {

    private static final String WHITESPACE = " \t\n";

    private final PrintOptions opt;
    private final PrintWriter out;
    private final int border;
    private String[] headers;
    private boolean[] right;

    LatexLongtablePrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.border = Math.min(opt.getBorder(), 3);
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        String attr = opt.getTableAttr();
        StringBuilder sb = new StringBuilder("\\begin{longtable}{");
        if (border >= 2) sb.append("| ");
        int next = 0;
        String last = null;
        for (int i = 0; i < headers.length; i++) {
            if (!right[i] && attr != null) {
                while (next < attr.length() && WHITESPACE.indexOf(attr.charAt(next)) >= 0) next++;
                if (next < attr.length()) {
                    int end = next;
                    while (end < attr.length() && WHITESPACE.indexOf(attr.charAt(end)) < 0) end++;
                    last = attr.substring(next, end);
                    next = end;
                    sb.append("p{").append(last).append("\\textwidth}");
                } else if (last != null) {
                    sb.append("p{").append(last).append("\\textwidth}");   // the previous width again
                } else {
                    sb.append('l');
                }
            } else {
                sb.append(right[i] ? 'r' : 'l');
            }
            if (border != 0 && i < headers.length - 1) sb.append(" | ");
        }
        if (border >= 2) sb.append(" |");
        sb.append("}\n");
        if (!opt.isTuplesOnly()) {
            // the first page's head, then the head of the pages after it
            if (border >= 2) sb.append("\\toprule\n");
            headerRow(sb);
            sb.append("\\midrule\n\\endfirsthead\n");
            if (border >= 2) sb.append("\\toprule\n");
            headerRow(sb);
            if (border != 3) sb.append("\\midrule\n");   // border 3 already has a rule under every row
            sb.append("\\endhead\n");
            String title = opt.getTitle();
            if (title != null) {
                if (border == 2) sb.append("\\bottomrule\n");
                sb.append("\\caption[");
                LatexPrinter.escape(sb, title);
                sb.append(" (Continued)]{");
                LatexPrinter.escape(sb, title);
                sb.append("}\n\\endfoot\n");
                if (border == 2) sb.append("\\bottomrule\n");
                sb.append("\\caption[");
                LatexPrinter.escape(sb, title);
                sb.append("]{");
                LatexPrinter.escape(sb, title);
                sb.append("}\n\\endlastfoot\n");
            } else if (border >= 2) {
                sb.append("\\bottomrule\n\\endfoot\n\\bottomrule\n\\endlastfoot\n");
            }
        }
        out.print(sb);
    }

    private void headerRow(StringBuilder sb) {
        for (int i = 0; i < headers.length; i++) {
            if (i != 0) sb.append(" & ");
            sb.append("\\small\\textbf{\\textit{");
            LatexPrinter.escape(sb, headers[i]);
            sb.append("}}");
        }
        sb.append(" \\\\\n");
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
            for (int j = 0; j < n; j++) {
                if (j != 0) sb.append("\n&\n");
                sb.append("\\raggedright{");
                LatexPrinter.escape(sb, row[j]);
                sb.append('}');
            }
            sb.append(" \\tabularnewline\n");
            if (border == 3) sb.append(" \\hline\n");
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public void finish(long totalRows) {
        out.print("\\end{longtable}\n");
        out.flush();
    }
}
