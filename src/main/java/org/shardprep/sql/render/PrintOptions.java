package org.shardprep.sql.render;

import java.util.List;
import java.util.Objects;

/**
 * The printing state that psql keeps in {@code \pset}: output format, expanded mode, border,
 * tuples-only, separators, null display, footer and title. Mutable; use {@link #copy()} to take a
 * snapshot before handing it to a {@link ResultPrinter}.
 */
public final class PrintOptions {

    /** Output formats. {@code JSON} is a shardprep extension (psql has none); see {@link ResultPrinter}. */
    public enum Format { ALIGNED, UNALIGNED, CSV, JSON }

    /** {@code \x}: off, on, or auto (expanded when the aligned table would not fit the terminal). */
    public enum Expanded { OFF, ON, AUTO }

    private Format format = Format.ALIGNED;
    private Expanded expanded = Expanded.OFF;
    private int border = 1;
    private boolean tuplesOnly;
    private String fieldSeparator = "|";
    private String recordSeparator = "\n";
    private String csvFieldSeparator = ",";
    private String nullDisplay = "";
    private boolean footer = true;
    private String title;
    private List<String> footers;

    public PrintOptions() {
    }

    public PrintOptions copy() {
        PrintOptions c = new PrintOptions();
        c.format = format;
        c.expanded = expanded;
        c.border = border;
        c.tuplesOnly = tuplesOnly;
        c.fieldSeparator = fieldSeparator;
        c.recordSeparator = recordSeparator;
        c.csvFieldSeparator = csvFieldSeparator;
        c.nullDisplay = nullDisplay;
        c.footer = footer;
        c.title = title;
        c.footers = footers;
        return c;
    }

    public Format getFormat() { return format; }
    public PrintOptions setFormat(Format format) { this.format = Objects.requireNonNull(format); return this; }

    public Expanded getExpanded() { return expanded; }
    public PrintOptions setExpanded(Expanded expanded) { this.expanded = Objects.requireNonNull(expanded); return this; }

    /** psql accepts 0..65535 but draws everything above 2 like 2. */
    public int getBorder() { return border; }
    public PrintOptions setBorder(int border) {
        if (border < 0) {
            throw new IllegalArgumentException("border must be >= 0: " + border);
        }
        this.border = border;
        return this;
    }

    public boolean isTuplesOnly() { return tuplesOnly; }
    public PrintOptions setTuplesOnly(boolean tuplesOnly) { this.tuplesOnly = tuplesOnly; return this; }

    public String getFieldSeparator() { return fieldSeparator; }
    public PrintOptions setFieldSeparator(String s) { this.fieldSeparator = Objects.requireNonNull(s); return this; }

    public String getRecordSeparator() { return recordSeparator; }
    public PrintOptions setRecordSeparator(String s) { this.recordSeparator = Objects.requireNonNull(s); return this; }

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

    @Override
    public String toString() {
        return "PrintOptions[format=" + format + ", expanded=" + expanded + ", border=" + border
                + ", tuplesOnly=" + tuplesOnly + ", fieldSeparator=" + fieldSeparator
                + ", recordSeparator=" + recordSeparator + ", csvFieldSeparator=" + csvFieldSeparator
                + ", nullDisplay=" + nullDisplay + ", footer=" + footer + ", title=" + title + ", footers=" + footers + "]";
    }
}
