package org.shardprep.sql.render;

/**
 * psql's printTextFormat: the characters the aligned and wrapped formats draw with, for
 * {@code \pset linestyle} ascii, old-ascii and unicode (whose rules {@code unicode_border_linestyle},
 * {@code unicode_column_linestyle} and {@code unicode_header_linestyle} make single or double).
 */
public final class LineStyle {

    /** {@code \pset linestyle} values, by the names psql shows. */
    public enum Name {
        ASCII("ascii"), OLD_ASCII("old-ascii"), UNICODE("unicode");

        private final String psqlName;

        Name(String psqlName) { this.psqlName = psqlName; }

        public String psqlName() { return psqlName; }
    }

    /** One horizontal rule (or, for {@link #data}, the vertical rules of a data line). */
    record Rule(String hrule, String leftvrule, String midvrule, String rightvrule) {
    }

    final Name name;
    final Rule top;
    final Rule middle;
    final Rule bottom;
    final Rule data;
    final String midvruleNl;
    final String midvruleWrap;
    final String midvruleBlank;
    final String headerNlLeft;
    final String headerNlRight;
    final String nlLeft;
    final String nlRight;
    final String wrapLeft;
    final String wrapRight;
    final boolean wrapRightBorder;

    private LineStyle(Name name, Rule top, Rule middle, Rule bottom, Rule data, String midvruleNl, String midvruleWrap,
                      String midvruleBlank, String headerNlLeft, String headerNlRight, String nlLeft, String nlRight,
                      String wrapLeft, String wrapRight, boolean wrapRightBorder) {
        this.name = name;
        this.top = top;
        this.middle = middle;
        this.bottom = bottom;
        this.data = data;
        this.midvruleNl = midvruleNl;
        this.midvruleWrap = midvruleWrap;
        this.midvruleBlank = midvruleBlank;
        this.headerNlLeft = headerNlLeft;
        this.headerNlRight = headerNlRight;
        this.nlLeft = nlLeft;
        this.nlRight = nlRight;
        this.wrapLeft = wrapLeft;
        this.wrapRight = wrapRight;
        this.wrapRightBorder = wrapRightBorder;
    }

    private static final Rule ASCII_RULE = new Rule("-", "+", "+", "+");
    private static final Rule ASCII_DATA = new Rule("", "|", "|", "|");

    static final LineStyle ASCII = new LineStyle(Name.ASCII, ASCII_RULE, ASCII_RULE, ASCII_RULE, ASCII_DATA,
            "|", "|", "|", " ", "+", " ", "+", ".", ".", true);

    static final LineStyle OLD_ASCII = new LineStyle(Name.OLD_ASCII, ASCII_RULE, ASCII_RULE, ASCII_RULE, ASCII_DATA,
            ":", ";", " ", "+", " ", " ", " ", " ", " ", false);

    /** psql compares the style with pg_asciiformat_old in a few places. */
    boolean oldAscii() {
        return name == Name.OLD_ASCII;
    }

    /** psql's refresh_utf8format(): index 0 single, 1 double. */
    static LineStyle of(Name name, boolean borderDouble, boolean columnDouble, boolean headerDouble) {
        if (name == Name.ASCII) return ASCII;
        if (name == Name.OLD_ASCII) return OLD_ASCII;
        int b = borderDouble ? 1 : 0;
        int c = columnDouble ? 1 : 0;
        int h = headerDouble ? 1 : 0;
        // border: up_and_right, vertical, down_and_right, horizontal, down_and_left, up_and_left
        String[][] border = {{"└", "│", "┌", "─", "┐", "┘"}, {"╚", "║", "╔", "═", "╗", "╝"}};
        // row (header rule): horizontal, vertical_and_right[2], vertical_and_left[2]
        String[] rowHorizontal = {"─", "═"};
        String[][] rowVerticalAndRight = {{"├", "╟"}, {"╞", "╠"}};
        String[][] rowVerticalAndLeft = {{"┤", "╢"}, {"╡", "╣"}};
        // column: vertical, vertical_and_horizontal[2], up_and_horizontal[2], down_and_horizontal[2]
        String[] colVertical = {"│", "║"};
        String[][] colVerticalAndHorizontal = {{"┼", "╪"}, {"╫", "╬"}};
        String[][] colUpAndHorizontal = {{"┴", "╧"}, {"╨", "╩"}};
        String[][] colDownAndHorizontal = {{"┬", "╤"}, {"╥", "╦"}};
        String[] bs = border[b];
        Rule top = new Rule(bs[3], bs[2], colDownAndHorizontal[c][b], bs[4]);
        Rule middle = new Rule(rowHorizontal[h], rowVerticalAndRight[h][b], colVerticalAndHorizontal[c][h],
                rowVerticalAndLeft[h][b]);
        Rule bottom = new Rule(bs[3], bs[0], colUpAndHorizontal[c][b], bs[5]);
        Rule data = new Rule("", bs[1], colVertical[c], bs[1]);
        String v = colVertical[c];
        return new LineStyle(Name.UNICODE, top, middle, bottom, data, v, v, v, " ", "↵", " ", "↵", "…", "…", true);
    }
}
