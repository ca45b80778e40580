package org.shardprep.shell;

import org.shardprep.sql.scan.SqlQuoting;
import org.shardprep.sql.scan.VariableLookup;

/**
 * A shardprep command line with psql's variables put in, as psql does for a meta-command's arguments:
 * {@code :name} by its value, {@code :'name'} as a quoted literal, {@code :"name"} as a quoted identifier,
 * outside quotes only; an undefined name stays as typed. So a script run with {@code -v scale=0.1} can say
 * {@code load-all --scale :scale}.
 */
public final class ShellCommandLine {
    private ShellCommandLine() {}

    public static String interpolate(String line, VariableLookup vars) {
        StringBuilder out = new StringBuilder(line.length());
        char quote = 0;
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (quote != 0) {
                if (ch == quote) quote = 0;
                out.append(ch);
                i++;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                out.append(ch);
                i++;
            } else if (ch == ':' && i + 1 < line.length()) {
                int consumed = reference(line, i, vars, out);
                if (consumed == 0) out.append(ch);
                i += Math.max(consumed, 1);
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }

    /** Appends the value of the reference at line[at] (a ':'); returns its length, or 0 when it is not one. */
    private static int reference(String line, int at, VariableLookup vars, StringBuilder out) {
        char next = line.charAt(at + 1);
        if (next == '\'' || next == '"') {
            int end = nameEnd(line, at + 2);
            if (end == at + 2 || end >= line.length() || line.charAt(end) != next) return 0;
            String value = vars.get(line.substring(at + 2, end));
            if (value == null) return 0;
            out.append(next == '\'' ? SqlQuoting.literal(value) : SqlQuoting.identifier(value));
            return end + 1 - at;
        }
        int end = nameEnd(line, at + 1);
        if (end == at + 1) return 0;
        String value = vars.get(line.substring(at + 1, end));
        if (value == null) return 0;
        out.append(value);
        return end - at;
    }

    /** psql's variable_char: letters, digits, underscore and any non-ASCII character. */
    private static int nameEnd(String line, int from) {
        int i = from;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (!(Character.isLetterOrDigit(ch) && ch < 128 || ch == '_' || ch >= 128)) break;
            i++;
        }
        return i;
    }
}
