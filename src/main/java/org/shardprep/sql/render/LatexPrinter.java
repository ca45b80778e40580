package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;

/**
 * psql's print_latex_text() and print_latex_vertical() ({@code \pset format latex}; the vertical form is also
 * latex-longtable's). Border 3 adds a rule under every row.
 */
final class LatexPrinter implements ResultPrinter {

    private final PrintOptions opt;
    private final PrintWriter out;
    private final boolean vertical;
    private final int border;
    private String[] headers;
    private boolean[] right;
    private long record;

    LatexPrinter(PrintOptions opt, PrintWriter out) {
        this.opt = opt;
        this.out = out;
        this.vertical = opt.getExpanded() == PrintOptions.Expanded.ON;
        this.border = Math.min(opt.getBorder(), vertical ? 2 : 3);
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        headers = columns.stream().map(ColumnInfo::name).toArray(String[]::new);
        right = CellText.rightAligned(columns);
        StringBuilder sb = new StringBuilder();
        if (!opt.isTuplesOnly() && opt.getTitle() != null) {
            sb.append("\\begin{center}\n");
            escape(sb, opt.getTitle());
            sb.append("\n\\end{center}\n\n");
        }
        sb.append("\\begin{tabular}{");
        if (vertical) {
            sb.append(border == 0 ? "cl" : border == 1 ? "c|l" : "|c|l|").append("}\n");
            out.print(sb);
            return;
        }
        if (border >= 2) sb.append("| ");
        for (int i = 0; i < headers.length; i++) {
            sb.append(right[i] ? 'r' : 'l');
            if (border != 0 && i < headers.length - 1) sb.append(" | ");
        }
        if (border >= 2) sb.append(" |");
        sb.append("}\n");
        if (!opt.isTuplesOnly() && border >= 2) sb.append("\\hline\n");
        if (!opt.isTuplesOnly()) {
            for (int i = 0; i < headers.length; i++) {
                if (i != 0) sb.append(" & ");
                sb.append("\\textit{");
                escape(sb, headers[i]);
                sb.append('}');
            }
            sb.append(" \\\\\n\\hline\n");
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
                if (!opt.isTuplesOnly()) {
                    if (border == 2) {
                        sb.append("\\hline\n\\multicolumn{2}{|c|}{\\textit{Record ").append(record).append("}} \\\\\n");
                    } else {
                        sb.append("\\multicolumn{2}{c}{\\textit{Record ").append(record).append("}} \\\\\n");
                    }
                }
                if (border >= 1) sb.append("\\hline\n");
                for (int j = 0; j < n; j++) {
                    escape(sb, headers[j]);
                    sb.append(" & ");
                    escape(sb, row[j]);
                    sb.append(" \\\\\n");
                }
            } else {
                for (int j = 0; j < n; j++) {
                    escape(sb, row[j]);
                    sb.append(j < n - 1 ? " & " : " \\\\\n");
                }
                if (border == 3) sb.append("\\hline\n");
            }
        }
        out.print(sb);
        out.flush();
    }

    @Override
    public void finish(long totalRows) {
        StringBuilder sb = new StringBuilder();
        if (border == 2) sb.append("\\hline\n");
        sb.append("\\end{tabular}\n\n\\noindent ");
        List<String> footers = vertical ? opt.getFooters() : Footer.withDefault(opt, totalRows);
        if (!opt.isTuplesOnly() && footers != null) {
            for (String f : footers) {
                escape(sb, f);
                sb.append(" \\\\\n");
            }
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }

    /** psql's latex_escaped_print(), after Scott Pakin's "The Comprehensive LaTeX Symbol List". */
    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '#' -> sb.append("\\#");
                case '$' -> sb.append("\\$");
                case '%' -> sb.append("\\%");
                case '&' -> sb.append("\\&");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '\\' -> sb.append("\\textbackslash{}");
                case '^' -> sb.append("\\^{}");
                case '_' -> sb.append("\\_");
                case '{' -> sb.append("\\{");
                case '|' -> sb.append("\\textbar{}");
                case '}' -> sb.append("\\}");
                case '~' -> sb.append("\\~{}");
                case '\n' -> sb.append("\\\\");
                default -> sb.append(c);
            }
        }
    }
}
