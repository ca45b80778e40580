package org.shardprep.shell.meta;

import org.shardprep.sql.render.ColumnInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * psql's \crosstabview (crosstabview.c): a result pivoted so that the distinct values of one column become the
 * rows, those of another the columns, and a third fills the cells. Rows and columns come in the order they first
 * appear, or the columns by a sort column's integer values.
 */
final class CrosstabView {

    /** The pivoted table, or why there is none (psql's message, without "\crosstabview: "). */
    record Result(List<ColumnInfo> columns, List<String[]> rows, String error) {
        static Result failed(String error) { return new Result(null, null, error); }
    }

    private static final int MAX_COLUMNS = 1600;   // psql's CROSSTABVIEW_MAX_COLUMNS

    private CrosstabView() {}

    /**
     * @param args        up to four: vertical header, horizontal header, data, horizontal sort column
     * @param nullDisplay \pset null, or "" when unset
     */
    static Result pivot(List<ColumnInfo> columns, List<String[]> rows, List<String> args, String nullDisplay) {
        if (columns.size() < 3) return Result.failed("query must return at least three columns");
        int fieldV = 0, fieldH = 1, fieldData = -1, fieldSort = -1;
        try {
            if (args.size() > 0) fieldV = indexOf(args.get(0), columns);
            if (args.size() > 1) fieldH = indexOf(args.get(1), columns);
            if (fieldV == fieldH) return Result.failed("vertical and horizontal headers must be different columns");
            if (args.size() > 2) {
                fieldData = indexOf(args.get(2), columns);
            } else {
                if (columns.size() != 3) return Result.failed("data column must be specified when query returns more than three columns");
                for (int i = 0; i < 3; i++) if (i != fieldV && i != fieldH) { fieldData = i; break; }
            }
            if (args.size() > 3) fieldSort = indexOf(args.get(3), columns);
        } catch (IllegalArgumentException e) {
            return Result.failed(e.getMessage());
        }

        // distinct values in the order they first appear, with the first sort value seen for each column value
        Map<Key, Integer> vertical = new LinkedHashMap<>();
        Map<Key, Integer> horizontal = new LinkedHashMap<>();
        Map<Key, String> sortValues = new LinkedHashMap<>();
        for (String[] row : rows) {
            Key h = new Key(row[fieldH]);
            if (!horizontal.containsKey(h)) {
                horizontal.put(h, horizontal.size());
                sortValues.put(h, fieldSort >= 0 ? row[fieldSort] : null);
                if (horizontal.size() > MAX_COLUMNS) return Result.failed("maximum number of columns (" + MAX_COLUMNS + ") exceeded");
            }
            vertical.putIfAbsent(new Key(row[fieldV]), vertical.size());
        }
        if (fieldSort >= 0) {
            // psql sorts the names, then by rank (a stable sort: equal ranks stay in name order)
            List<Key> byName = new ArrayList<>(horizontal.keySet());
            byName.sort(Key.ORDER);
            byName.sort(Comparator.comparingInt(k -> rank(sortValues.get(k))));
            for (int i = 0; i < byName.size(); i++) horizontal.put(byName.get(i), i);
        }

        String nullName = nullDisplay;
        List<ColumnInfo> header = new ArrayList<>();
        header.add(new ColumnInfo(columns.get(fieldV).name(), columns.get(fieldV).typeOid()));
        Key[] columnAt = new Key[horizontal.size()];
        horizontal.forEach((k, i) -> columnAt[i] = k);
        for (Key k : columnAt) header.add(new ColumnInfo(k.value == null ? nullName : k.value, columns.get(fieldData).typeOid()));

        String[][] cells = new String[vertical.size()][horizontal.size() + 1];
        boolean[][] filled = new boolean[vertical.size()][horizontal.size() + 1];
        vertical.forEach((k, i) -> {
            cells[i][0] = k.value;
            filled[i][0] = true;
        });
        String shownNull = nullDisplay.isEmpty() ? "(null)" : nullDisplay;
        for (String[] row : rows) {
            int r = vertical.get(new Key(row[fieldV]));
            int c = horizontal.get(new Key(row[fieldH])) + 1;
            if (filled[r][c]) {
                return Result.failed("query result contains multiple data values for row \""
                        + (row[fieldV] == null ? shownNull : row[fieldV]) + "\", column \""
                        + (row[fieldH] == null ? shownNull : row[fieldH]) + "\"");
            }
            cells[r][c] = row[fieldData];
            filled[r][c] = true;
        }
        for (int r = 0; r < cells.length; r++) {
            for (int c = 1; c < cells[r].length; c++) if (!filled[r][c]) cells[r][c] = "";   // no value: empty, not NULL
        }
        return new Result(header, List.of(cells), null);
    }

    /** A header value; NULL is one value of its own, after all others. */
    private record Key(String value) {
        static final Comparator<Key> ORDER = (a, b) -> {
            if (a.value == null) return b.value == null ? 0 : 1;
            if (b.value == null) return -1;
            return compareBytes(a.value, b.value);
        };
    }

    /** strcmp on the UTF-8 bytes, as psql compares. */
    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8), y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** psql's rankSort: a value matching -?digits is its rank, anything else ranks 0. */
    private static int rank(String v) {
        if (v == null || !v.matches("-?[0-9]*")) return 0;
        try {
            return v.isEmpty() || v.equals("-") ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** psql's indexOfColumn: a column number from 1, or a name (dequoted, downcased outside quotes). */
    private static int indexOf(String arg, List<ColumnInfo> columns) {
        if (!arg.isEmpty() && arg.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            int idx;
            try {
                idx = Integer.parseInt(arg) - 1;
            } catch (NumberFormatException e) {
                idx = -1;
            }
            if (idx < 0 || idx >= columns.size()) {
                throw new IllegalArgumentException("column number " + (idx + 1) + " is out of range 1.." + columns.size());
            }
            return idx;
        }
        String name = dequoteDowncase(arg);
        int idx = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                if (idx >= 0) throw new IllegalArgumentException("ambiguous column name: \"" + name + "\"");
                idx = i;
            }
        }
        if (idx < 0) throw new IllegalArgumentException("column name not found: \"" + name + "\"");
        return idx;
    }

    /** psql's dequote_downcase_identifier: "" inside quotes is one quote, ASCII letters outside them lowercased. */
    private static String dequoteDowncase(String s) {
        StringBuilder out = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                if (inQuotes && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
                continue;
            }
            out.append(!inQuotes && ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return out.toString();
    }
}
