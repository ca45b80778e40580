package org.shardprep.sql.render;

import java.util.List;
import java.util.Objects;

/**
 * The printing state that psql keeps in {@code \pset}: output format, expanded mode, border, line style,
 * tuples-only, separators, null display, footer, title, table attributes, target width and numeric locale.
 * Mutable; use {@link #copy()} to take a snapshot before handing it to a {@link ResultPrinter}.
 */
public final class PrintOptions {

    /** psql 15's output formats, by the names {@code \pset format} shows. */
    public enum Format {
        ALIGNED("aligned"), ASCIIDOC("asciidoc"), CSV("csv"), HTML("html"), LATEX("latex"),
        LATEX_LONGTABLE("latex-longtable"), TROFF_MS("troff-ms"), UNALIGNED("unaligned"), WRAPPED("wrapped");

        private final String psqlName;

        Format(String psqlName) { this.psqlName = psqlName; }

        public String psqlName() { return psqlName; }
    }

    /** {@code \x}: off, on, or auto (expanded when the aligned table would not fit the terminal). */
    public enum Expanded { OFF, ON, AUTO }

    private Format format = Format.ALIGNED;
    private Expanded expanded = Expanded.OFF;
    private int border = 1;
    private boolean tuplesOnly;
    private String fieldSeparator = "|";
    private boolean fieldSeparatorZero;
    private String recordSeparator = "\n";
    private boolean recordSeparatorZero;
    private String csvFieldSeparator = ",";
    private String nullDisplay = "";
    private boolean footer = true;
    private String title;
    private List<String> footers;
    private LineStyle.Name lineStyle = LineStyle.Name.ASCII;
    private boolean unicodeBorderDouble;
    private boolean unicodeColumnDouble;
    private boolean unicodeHeaderDouble;
    private int columns;
    private String tableAttr;
    private boolean numericLocale;

    public PrintOptions() {
    }

    public PrintOptions copy() {
        return new PrintOptions().assign(this);
    }

    /** Takes every setting of {@code from} (a copy taken before a change for one query, given back after it). */
    public PrintOptions assign(PrintOptions from) {
        format = from.format;
        expanded = from.expanded;
        border = from.border;
        tuplesOnly = from.tuplesOnly;
        fieldSeparator = from.fieldSeparator;
        recordSeparator = from.recordSeparator;
        csvFieldSeparator = from.csvFieldSeparator;
        nullDisplay = from.nullDisplay;
        footer = from.footer;
        title = from.title;
        footers = from.footers;
        fieldSeparatorZero = from.fieldSeparatorZero;
        recordSeparatorZero = from.recordSeparatorZero;
        lineStyle = from.lineStyle;
        unicodeBorderDouble = from.unicodeBorderDouble;
        unicodeColumnDouble = from.unicodeColumnDouble;
        unicodeHeaderDouble = from.unicodeHeaderDouble;
        columns = from.columns;
        tableAttr = from.tableAttr;
        numericLocale = from.numericLocale;
        return this;
    }

    public Format getFormat() { return format; }
    public PrintOptions setFormat(Format format) { this.format = Objects.requireNonNull(format); return this; }

    public Expanded getExpanded() { return expanded; }
    public PrintOptions setExpanded(Expanded expanded) { this.expanded = Objects.requireNonNull(expanded); return this; }

    /** psql keeps an unsigned short (atoi's -1 is 65535); the text formats draw above 2 like 2, latex has 3. */
    public int getBorder() { return border; }
    public PrintOptions setBorder(int border) {
        this.border = border & 0xFFFF;
        return this;
    }

    public boolean isTuplesOnly() { return tuplesOnly; }
    public PrintOptions setTuplesOnly(boolean tuplesOnly) { this.tuplesOnly = tuplesOnly; return this; }

    /** The separator as set (a C string: it ends at a zero byte); see {@link #fieldSeparator()} for what is printed. */
    public String getFieldSeparator() { return fieldSeparator; }
    public PrintOptions setFieldSeparator(String s) {
        this.fieldSeparator = cString(Objects.requireNonNull(s));
        this.fieldSeparatorZero = false;
        return this;
    }

    /** {@code \pset fieldsep_zero}: a zero byte between fields. */
    public boolean isFieldSeparatorZero() { return fieldSeparatorZero; }
    public PrintOptions setFieldSeparatorZero() { this.fieldSeparatorZero = true; return this; }

    public String getRecordSeparator() { return recordSeparator; }
    public PrintOptions setRecordSeparator(String s) {
        this.recordSeparator = cString(Objects.requireNonNull(s));
        this.recordSeparatorZero = false;
        return this;
    }

    /** {@code \pset recordsep_zero}: a zero byte between records. */
    public boolean isRecordSeparatorZero() { return recordSeparatorZero; }
    public PrintOptions setRecordSeparatorZero() { this.recordSeparatorZero = true; return this; }

    /** What goes between fields: the separator, or a zero byte. */
    public String fieldSeparator() { return fieldSeparatorZero ? "\0" : fieldSeparator; }

    /** What goes between records: the separator, or a zero byte. */
    public String recordSeparator() { return recordSeparatorZero ? "\0" : recordSeparator; }

    /** psql requires a single one-byte character; only the first character is used. */
    public String getCsvFieldSeparator() { return csvFieldSeparator; }
    public PrintOptions setCsvFieldSeparator(String s) {
        if (s == null || s.length() != 1 || s.charAt(0) == '"' || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
            throw new IllegalArgumentException("\\pset: csv_fieldsep must be a single one-byte character");
        }
        this.csvFieldSeparator = s;
        return this;
    }

    public String getNullDisplay() { return nullDisplay; }
    public PrintOptions setNullDisplay(String s) { this.nullDisplay = s == null ? "" : s; return this; }

    public boolean isFooter() { return footer; }
    public PrintOptions setFooter(boolean footer) { this.footer = footer; return this; }

    /** null = no title. */
    public String getTitle() { return title; }
    public PrintOptions setTitle(String title) { this.title = title; return this; }

    /**
     * psql's printTableAddFooter lines, printed after the table in place of the default "(N rows)" footer
     * (\d TABLE's "Indexes:" ...). null = the default footer, which {@link #isFooter()} switches; custom
     * footers print whatever {@code \pset footer} says, as in psql, but never with tuples-only.
     */
    public List<String> getFooters() { return footers; }
    public PrintOptions setFooters(List<String> footers) { this.footers = footers == null ? null : List.copyOf(footers); return this; }

    /** {@code \pset linestyle}: how the aligned and wrapped formats draw their lines. */
    public LineStyle.Name getLineStyle() { return lineStyle; }
    public PrintOptions setLineStyle(LineStyle.Name style) { this.lineStyle = Objects.requireNonNull(style); return this; }

    /** {@code \pset unicode_border_linestyle|unicode_column_linestyle|unicode_header_linestyle}: double, else single. */
    public boolean isUnicodeBorderDouble() { return unicodeBorderDouble; }
    public PrintOptions setUnicodeBorderDouble(boolean d) { this.unicodeBorderDouble = d; return this; }
    public boolean isUnicodeColumnDouble() { return unicodeColumnDouble; }
    public PrintOptions setUnicodeColumnDouble(boolean d) { this.unicodeColumnDouble = d; return this; }
    public boolean isUnicodeHeaderDouble() { return unicodeHeaderDouble; }
    public PrintOptions setUnicodeHeaderDouble(boolean d) { this.unicodeHeaderDouble = d; return this; }

    /** The line style's characters for these settings. */
    public LineStyle lineStyle() {
        return LineStyle.of(lineStyle, unicodeBorderDouble, unicodeColumnDouble, unicodeHeaderDouble);
    }

    /** {@code \pset columns}: the target width of the wrapped format and {@code \x auto}; 0 = the terminal's. */
    public int getColumns() { return columns; }
    public PrintOptions setColumns(int columns) { this.columns = columns; return this; }

    /** {@code \pset tableattr} / {@code \T}: HTML table attributes (latex-longtable: column widths); null = unset. */
    public String getTableAttr() { return tableAttr; }
    public PrintOptions setTableAttr(String tableAttr) { this.tableAttr = tableAttr; return this; }

    /** {@code \pset numericlocale}: digits of right-aligned values grouped by the locale's separator. */
    public boolean isNumericLocale() { return numericLocale; }
    public PrintOptions setNumericLocale(boolean numericLocale) { this.numericLocale = numericLocale; return this; }

    /** psql's settings are C strings: a zero byte ends them. */
    private static String cString(String s) {
        int z = s.indexOf('\0');
        return z < 0 ? s : s.substring(0, z);
    }

    @Override
    public String toString() {
        return "PrintOptions[format=" + format + ", expanded=" + expanded + ", border=" + border
                + ", tuplesOnly=" + tuplesOnly + ", fieldSeparator=" + fieldSeparator
                + ", recordSeparator=" + recordSeparator + ", csvFieldSeparator=" + csvFieldSeparator
                + ", nullDisplay=" + nullDisplay + ", footer=" + footer + ", title=" + title + ", footers=" + footers
                + ", lineStyle=" + lineStyle + ", columns=" + columns + ", tableAttr=" + tableAttr
                + ", numericLocale=" + numericLocale + "]";
    }
}
