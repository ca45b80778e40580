package org.shardprep.sql.render;

/**
 * psql's mbprint.c (pg_wcssize / pg_wcsformat) for UTF-8: splits a value into display lines at
 * '\n', expands tabs to the next multiple of 8, shows '\r' as {@code \r}, other ASCII control
 * characters as {@code \xNN} and non-ASCII control characters as {@code \\uNNNN}, and measures
 * display width like psql ({@link UnicodeWidth}: wide East Asian characters count 2, combining marks 0).
 */
final class DisplayText {

    /** One formatted value: its display lines and their widths. */
    record Lines(String[] text, int[] width) {
        int maxWidth() {
            int m = 0;
            for (int w : width) {
                m = Math.max(m, w);
            }
            return m;
        }

        int count() {
            return text.length;
        }
    }

    private static final Lines EMPTY = new Lines(new String[] {""}, new int[] {0});

    private DisplayText() {
    }

    /** Display width of one code point as psql's ucs_wcwidth: -1 for control characters. */
    static int charWidth(int cp) {
        return UnicodeWidth.of(cp);
    }

    /** pg_wcssize: the width of the widest line and the number of lines. Returns {width, lines}. */
    static int[] size(String s) {
        int width = 0;
        int lines = 1;
        int linewidth = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                width = Math.max(width, linewidth);
                linewidth = 0;
                lines++;
            } else if (cp == '\r') {
                linewidth += 2;
            } else if (cp == '\t') {
                do {
                    linewidth++;
                } while (linewidth % 8 != 0);
            } else {
                int w = charWidth(cp);
                if (w < 0) {
                    linewidth += cp < 0x80 ? 4 : 6;
                } else {
                    linewidth += w;
                }
            }
        }
        width = Math.max(width, linewidth);
        return new int[] {width, lines};
    }

    static int width(String s) {
        return size(s)[0];
    }

    /** pg_wcsformat: the display lines of a value with control characters made visible. */
    static Lines format(String s) {
        if (s.isEmpty()) {
            return EMPTY;
        }
        int nl = 1;
        boolean plain = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                nl++;
            }
            if (c < 0x20 || c >= 0x7f) {
                plain = false;
            }
        }
        if (plain) {
            return new Lines(new String[] {s}, new int[] {s.length()});
        }
        String[] text = new String[nl];
        int[] width = new int[nl];
        int line = 0;
        int linewidth = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                text[line] = sb.toString();
                width[line] = linewidth;
                line++;
                sb.setLength(0);
                linewidth = 0;
            } else if (cp == '\r') {
                sb.append("\\r");
                linewidth += 2;
            } else if (cp == '\t') {
                do {
                    sb.append(' ');
                    linewidth++;
                } while (linewidth % 8 != 0);
            } else {
                int w = charWidth(cp);
                if (w < 0) {
                    if (cp < 0x80) {
                        sb.append(String.format("\\x%02X", cp));
                        linewidth += 4;
                    } else {
                        sb.append(String.format("\\u%04X", cp));
                        linewidth += 6;
                    }
                } else {
                    sb.appendCodePoint(cp);
                    linewidth += w;
                }
            }
        }
        text[line] = sb.toString();
        width[line] = linewidth;
        return new Lines(text, width);
    }

    /**
     * psql's strlen_max_width() on a formatted line: the end of the text from {@code from} that fills at most
     * {@code target} display columns (at least one character, even a wider one). {@code width[0]} gets the
     * columns filled.
     */
    static int cut(String line, int from, int target, int[] width) {
        int curr = 0;
        int i = from;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int w = Math.max(charWidth(cp), 0);
            if (target < curr + w && curr != 0) {
                break;
            }
            curr += w;
            i += Character.charCount(cp);
        }
        width[0] = curr;
        return i;
    }
}
