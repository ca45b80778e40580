package org.shardprep.dataset.loader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A foreign key that fails only when the keys go back on: the server says which value is missing
 * ("Key (order_id)=(123) is not present"), this finds the file and line that hold it.
 */
final class BadRowLocator {

    private static final Pattern KEY = Pattern.compile("Key \\((\\w+)\\)=\\(([^)]*)\\) is not present in table \"(\\w+)\"");

    private BadRowLocator() {}

    /** "line_items_3.csv: line 17, column order_id: ..." or null when the detail or the row is not found. */
    static String locate(String detail, List<DataFile> files, List<String> columns) {
        if (detail == null) return null;
        Matcher m = KEY.matcher(detail);
        if (!m.find()) return null;
        int column = columns.indexOf(m.group(1));
        if (column < 0) return null;
        String value = m.group(2);
        for (DataFile f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    String[] fields = line.split(",", -1);   // the key columns are plain numbers, never quoted
                    if (fields.length > column && fields[column].equals(value)) {
                        return f.name() + ": line " + n + ", column " + m.group(1) + ": " + m.group(1) + " " + value
                                + " is not present in table \"" + m.group(3) + "\"";
                    }
                }
            } catch (IOException ignored) {
                // the server's own message stands then
            }
        }
        return null;
    }
}
