package org.shardprep.sql.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/** shardprep's JSON output format; see {@link ResultPrinter} for the exact shape. */
final class JsonPrinter implements ResultPrinter {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    private final PrintWriter out;
    private String[] names;
    private boolean[] numeric;
    private long printed;

    JsonPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start(List<ColumnInfo> columns) {
        names = new String[columns.size()];
        numeric = new boolean[columns.size()];
        for (int i = 0; i < names.length; i++) {
            StringBuilder sb = new StringBuilder();
            string(sb, columns.get(i).name());
            names[i] = sb.toString();
            ColumnInfo c = columns.get(i);
            numeric[i] = c.rightAligned() && c.typeOid() != ColumnInfo.MONEY;
        }
        out.print("[");
    }

    @Override
    public void rows(List<String[]> chunk) {
        StringBuilder sb = new StringBuilder();
        for (String[] row : chunk) {
            sb.append(printed++ == 0 ? "\n  {" : ",\n  {");
            for (int j = 0; j < names.length; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(names[j]).append(": ");
                String v = row[j];
                if (v == null) {
                    sb.append("null");
                } else if (numeric[j] && JSON_NUMBER.matcher(v).matches()) {
                    sb.append(v);
                } else {
                    string(sb, v);
                }
            }
            sb.append('}');
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
        out.print(printed == 0 ? "]\n" : "\n]\n");
        out.flush();
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
