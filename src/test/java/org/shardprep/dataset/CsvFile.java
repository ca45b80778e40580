package org.shardprep.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of CSV as PostgreSQL's COPY ... CSV reads it, for checking the generator's output
 * independently of its writer: an unquoted empty field is NULL (here: null), a quoted one is "".
 */
public final class CsvFile {

    private CsvFile() {}

    public static List<String[]> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** All rows of the files concatenated, as {@code cat orders*.csv} feeds them to COPY. */
    public static List<String[]> readAll(List<Path> files) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Path f : files) {
            rows.addAll(read(f));
        }
        return rows;
    }

    public static List<String[]> parse(String text) {
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (field.isEmpty() && !quoted && c == '"') {
                // a quoted field: runs to the closing quote; "" inside is one quote
                quoted = true;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field at row " + (rows.size() + 1));
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after closing quote at row " + (rows.size() + 1));
                }
                continue;
            }
            if (c == ',' || c == '\n') {
                fields.add(quoted || !field.isEmpty() ? field.toString() : null);
                field.setLength(0);
                quoted = false;
                if (c == '\n') {
                    rows.add(fields.toArray(new String[0]));
                    fields.clear();
                }
            } else if (c == '"' || c == '\r') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "carriage return") + " in unquoted field at row " + (rows.size() + 1));
            } else {
                field.append(c);
            }
            i++;
        }
        if (!fields.isEmpty() || !field.isEmpty()) {
            throw new IllegalArgumentException("last row does not end with a newline");
        }
        return rows;
    }
}
