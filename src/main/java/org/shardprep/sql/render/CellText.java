package org.shardprep.sql.render;

/**
 * What psql's printQuery puts in a cell: the null display for SQL NULL, a right-aligned (numeric) value
 * with its digits grouped when {@code \pset numericlocale} is on, else the value as it came.
 */
final class CellText {
    private CellText() {
    }

    static String of(PrintOptions opt, boolean rightAligned, String value) {
        if (value == null) return opt.getNullDisplay();
        return rightAligned && opt.isNumericLocale() ? numericLocale(value) : value;
    }

    /**
     * psql's format_numeric_locale() in the C locale psql's tests run in (decimal point ".", thousands
     * separator "," in groups of 3). A value that does not look like a number (money) is left alone.
     */
    static String numericLocale(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("0123456789+-.eE".indexOf(s.charAt(i)) < 0) return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + s.length() / 3);
        int p = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            sb.append(s.charAt(0));
            p = 1;
        }
        int intLen = 0;
        while (p + intLen < s.length() && Character.isDigit(s.charAt(p + intLen))) intLen++;
        int leading = intLen % 3 == 0 ? 3 : intLen % 3;
        for (int i = 0; i < intLen; i++) {
            if (i > 0 && --leading == 0) {
                sb.append(',');
                leading = 3;
            }
            sb.append(s.charAt(p + i));
        }
        sb.append(s, p + intLen, s.length());
        return sb.toString();
    }

    /** Whether a value is only spaces and tabs (or empty): the markup formats print a placeholder for it. */
    static boolean blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    /** The cells of one row as {@link #of} makes them. */
    static String[] row(PrintOptions opt, boolean[] right, String[] row) {
        String[] c = new String[right.length];
        for (int j = 0; j < right.length; j++) c[j] = of(opt, right[j], row[j]);
        return c;
    }

    /** psql's column_type_alignment() of each column. */
    static boolean[] rightAligned(java.util.List<ColumnInfo> columns) {
        boolean[] r = new boolean[columns.size()];
        for (int i = 0; i < r.length; i++) r[i] = columns.get(i).rightAligned();
        return r;
    }
}
