package org.shardprep.shell.meta;

import org.shardprep.shell.session.Pager;
import org.shardprep.shell.session.Variables;
import org.shardprep.shell.session.Session;

import org.shardprep.sql.render.LineStyle;
import org.shardprep.sql.render.PrintOptions;

import java.util.List;
import java.util.Locale;

/**
 * \pset and its shortcuts \a, \t, \x, \f, \C, \H, \T: psql 15's print settings (command.c's do_pset), with
 * psql's messages (printPsetInfo) and its listing of them all (pset_value_string).
 */
public final class FormatCommands {

    /** psql's pager setting: off, on (for long output), always. */

    private static final List<String> LISTED = List.of("border", "columns", "csv_fieldsep", "expanded", "fieldsep",
            "fieldsep_zero", "footer", "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines",
            "recordsep", "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
            "unicode_column_linestyle", "unicode_header_linestyle");

    private static final String FORMATS_ALLOWED =
            "\\pset: allowed formats are aligned, asciidoc, csv, html, latex, latex-longtable, troff-ms, unaligned, wrapped";

    private final Session session;
    private int pagerMinLines;

    public FormatCommands(Session session) {
        this.session = session;
    }

    private PrintOptions options() { return session.printOptions(); }

    /** Bare \pset: every setting and its value, as psql lists them. */
    String listing() {
        StringBuilder sb = new StringBuilder();
        for (String name : LISTED) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(String.format(Locale.ROOT, "%-24s %s", name, listedValue(name)));
        }
        return sb.toString();
    }

    /**
     * \pset NAME [VALUE]. Returns the message to show (empty: none), or throws IllegalArgumentException with
     * psql's error; a failed change leaves the setting as it was.
     */
    public String pset(List<String> args) {
        String name = args.get(0);
        // psql's values are C strings: '\0' makes an empty one
        String value = args.size() > 1 ? args.get(1).split("\0", -1)[0] : null;
        PrintOptions o = options();
        switch (name) {
            case "format" -> {
                if (value != null) o.setFormat(format(value));
            }
            case "linestyle" -> {
                if (value != null) o.setLineStyle(lineStyle(value));
            }
            case "unicode_border_linestyle" -> {
                if (value != null) o.setUnicodeBorderDouble(unicodeDouble(value, "border"));
            }
            case "unicode_column_linestyle" -> {
                if (value != null) o.setUnicodeColumnDouble(unicodeDouble(value, "column"));
            }
            case "unicode_header_linestyle" -> {
                if (value != null) o.setUnicodeHeaderDouble(unicodeDouble(value, "header"));
            }
            case "border" -> {
                if (value != null) o.setBorder(atoi(value));
            }
            case "x", "expanded", "vertical" -> {
                if (value == null) {
                    o.setExpanded(o.getExpanded() == PrintOptions.Expanded.OFF ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF);
                } else if (value.equalsIgnoreCase("auto")) {
                    o.setExpanded(PrintOptions.Expanded.AUTO);
                } else {
                    o.setExpanded(choice(value, name, "on, off, auto") ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF);
                }
            }
            case "csv_fieldsep" -> {
                if (value != null) {
                    if (value.length() != 1 || value.charAt(0) > 0x7f) {
                        throw new IllegalArgumentException("\\pset: csv_fieldsep must be a single one-byte character");
                    }
                    if ("\"\n\r".contains(value)) {
                        throw new IllegalArgumentException("\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return");
                    }
                    o.setCsvFieldSeparator(value);
                }
            }
            case "numericlocale" -> {
                if (value == null) {
                    o.setNumericLocale(!o.isNumericLocale());
                } else {
                    o.setNumericLocale(bool(value, name));
                    return "";   // psql's do_pset returns before its message when a value is given
                }
            }
            case "null" -> {
                if (value != null) o.setNullDisplay(value);
            }
            case "fieldsep" -> {
                if (value != null) o.setFieldSeparator(value);
            }
            case "fieldsep_zero" -> o.setFieldSeparatorZero();
            case "recordsep" -> {
                if (value != null) o.setRecordSeparator(value);
            }
            case "recordsep_zero" -> o.setRecordSeparatorZero();
            case "t", "tuples_only" -> {
                if (value == null) {
                    o.setTuplesOnly(!o.isTuplesOnly());
                } else {
                    o.setTuplesOnly(bool(value, name));
                    return "";   // as numericlocale
                }
            }
            case "C", "title" -> o.setTitle(value);
            case "T", "tableattr" -> o.setTableAttr(value);
            case "pager" -> {
                if (value == null) {
                    session.setPager(session.pager() == Pager.ON ? Pager.OFF : Pager.ON);
                } else if (value.equalsIgnoreCase("always")) {
                    session.setPager(Pager.ALWAYS);
                } else {
                    session.setPager(choice(value, name, "on, off, always") ? Pager.ON : Pager.OFF);
                }
            }
            case "pager_min_lines" -> {
                if (value != null) pagerMinLines = atoi(value);
            }
            case "footer" -> {
                if (value == null) {
                    o.setFooter(!o.isFooter());
                } else {
                    o.setFooter(bool(value, name));
                    return "";   // as numericlocale
                }
            }
            case "columns" -> {
                if (value != null) o.setColumns(atoi(value));
            }
            default -> throw new IllegalArgumentException("\\pset: unknown option: " + name);
        }
        return describe(name);
    }

    /** \a: unaligned when aligned, else aligned. */
    String toggleAligned() {
        PrintOptions o = options();
        return pset(List.of("format", o.getFormat() != PrintOptions.Format.ALIGNED ? "aligned" : "unaligned"));
    }

    /** \H: html when not html, else aligned. */
    String toggleHtml() {
        PrintOptions o = options();
        return pset(List.of("format", o.getFormat() != PrintOptions.Format.HTML ? "html" : "aligned"));
    }

    /** psql's printPsetInfo sentence for one setting. */
    String describe(String name) {
        PrintOptions o = options();
        return switch (name) {
            case "border" -> "Border style is " + o.getBorder() + ".";
            case "columns" -> o.getColumns() == 0 ? "Target width is unset." : "Target width is " + o.getColumns() + ".";
            case "x", "expanded", "vertical" -> switch (o.getExpanded()) {
                case ON -> "Expanded display is on.";
                case AUTO -> "Expanded display is used automatically.";
                default -> "Expanded display is off.";
            };
            case "csv_fieldsep" -> "Field separator for CSV is \"" + o.getCsvFieldSeparator() + "\".";
            case "fieldsep", "fieldsep_zero" -> o.isFieldSeparatorZero() ? "Field separator is zero byte."
                    : "Field separator is \"" + o.getFieldSeparator() + "\".";
            case "footer" -> o.isFooter() ? "Default footer is on." : "Default footer is off.";
            case "format" -> "Output format is " + o.getFormat().psqlName() + ".";
            case "linestyle" -> "Line style is " + o.getLineStyle().psqlName() + ".";
            case "null" -> "Null display is \"" + o.getNullDisplay() + "\".";
            case "numericlocale" -> o.isNumericLocale() ? "Locale-adjusted numeric output is on."
                    : "Locale-adjusted numeric output is off.";
            case "pager" -> switch (session.pager()) {
                case ON -> "Pager is used for long output.";
                case ALWAYS -> "Pager is always used.";
                default -> "Pager usage is off.";
            };
            case "pager_min_lines" -> "Pager won't be used for less than " + pagerMinLines
                    + (pagerMinLines == 1 ? " line." : " lines.");
            case "recordsep", "recordsep_zero" -> o.isRecordSeparatorZero() ? "Record separator is zero byte."
                    : o.getRecordSeparator().equals("\n") ? "Record separator is <newline>."
                    : "Record separator is \"" + o.getRecordSeparator() + "\".";
            case "T", "tableattr" -> o.getTableAttr() == null ? "Table attributes unset."
                    : "Table attributes are \"" + o.getTableAttr() + "\".";
            case "C", "title" -> o.getTitle() == null ? "Title is unset." : "Title is \"" + o.getTitle() + "\".";
            case "t", "tuples_only" -> o.isTuplesOnly() ? "Tuples only is on." : "Tuples only is off.";
            case "unicode_border_linestyle" -> "Unicode border line style is \"" + single(o.isUnicodeBorderDouble()) + "\".";
            case "unicode_column_linestyle" -> "Unicode column line style is \"" + single(o.isUnicodeColumnDouble()) + "\".";
            case "unicode_header_linestyle" -> "Unicode header line style is \"" + single(o.isUnicodeHeaderDouble()) + "\".";
            default -> "";
        };
    }

    private String listedValue(String name) {
        PrintOptions o = options();
        return switch (name) {
            case "border" -> String.valueOf(o.getBorder());
            case "columns" -> String.valueOf(o.getColumns());
            case "csv_fieldsep" -> quoted(o.getCsvFieldSeparator());
            case "expanded" -> switch (o.getExpanded()) { case ON -> "on"; case AUTO -> "auto"; default -> "off"; };
            case "fieldsep" -> quoted(o.isFieldSeparatorZero() ? "" : o.getFieldSeparator());
            case "fieldsep_zero" -> onOff(o.isFieldSeparatorZero());
            case "footer" -> onOff(o.isFooter());
            case "format" -> o.getFormat().psqlName();
            case "linestyle" -> o.getLineStyle().psqlName();
            case "null" -> quoted(o.getNullDisplay());
            case "numericlocale" -> onOff(o.isNumericLocale());
            case "pager" -> String.valueOf(session.pager().ordinal());
            case "pager_min_lines" -> String.valueOf(pagerMinLines);
            case "recordsep" -> quoted(o.isRecordSeparatorZero() ? "" : o.getRecordSeparator());
            case "recordsep_zero" -> onOff(o.isRecordSeparatorZero());
            case "tableattr" -> o.getTableAttr() == null ? "" : quoted(o.getTableAttr());
            case "title" -> o.getTitle() == null ? "" : quoted(o.getTitle());
            case "tuples_only" -> onOff(o.isTuplesOnly());
            case "unicode_border_linestyle" -> single(o.isUnicodeBorderDouble());
            case "unicode_column_linestyle" -> single(o.isUnicodeColumnDouble());
            default -> single(o.isUnicodeHeaderDouble());
        };
    }

    private static String onOff(boolean b) { return b ? "on" : "off"; }

    private static String single(boolean isDouble) { return isDouble ? "double" : "single"; }

    /** psql's pset_quoted_string: in '', with ' doubled and a newline shown as \n. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
    }

    /** psql matches a format by a case-insensitive prefix, and refuses one that fits two. */
    private static PrintOptions.Format format(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        PrintOptions.Format match = null;
        for (PrintOptions.Format f : PrintOptions.Format.values()) {
            if (f == PrintOptions.Format.LATEX_LONGTABLE || !f.psqlName().startsWith(v)) continue;
            if (match != null) {
                throw new IllegalArgumentException("\\pset: ambiguous abbreviation \"" + value + "\" matches both \""
                        + match.psqlName() + "\" and \"" + f.psqlName() + "\"");
            }
            match = f;
        }
        // latex-longtable is looked at last: "latex" is a prefix of it and means latex
        if (match == null && PrintOptions.Format.LATEX_LONGTABLE.psqlName().startsWith(v)) match = PrintOptions.Format.LATEX_LONGTABLE;
        if (match == null) throw new IllegalArgumentException(FORMATS_ALLOWED);
        return match;
    }

    /** psql takes the first line style the value is a prefix of. */
    private static LineStyle.Name lineStyle(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (LineStyle.Name n : LineStyle.Name.values()) {
            if (n.psqlName().startsWith(v)) return n;
        }
        throw new IllegalArgumentException("\\pset: allowed line styles are ascii, old-ascii, unicode");
    }

    private static boolean unicodeDouble(String value, String which) {
        String v = value.toLowerCase(Locale.ROOT);
        if ("single".startsWith(v)) return false;
        if ("double".startsWith(v)) return true;
        throw new IllegalArgumentException("\\pset: allowed Unicode " + which + " line styles are single, double");
    }

    /** C's atoi: leading blanks, a sign, digits; anything else ends it. */
    private static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) negative = s.charAt(i++) == '-';
        long n = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && n <= Integer.MAX_VALUE) {
            n = n * 10 + (s.charAt(i++) - '0');
        }
        return (int) (negative ? -n : n);
    }

    private static boolean bool(String value, String name) {
        Boolean b = Variables.parseBoolean(value);
        if (b == null) throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + name + "\": Boolean expected");
        return b;
    }

    /** A boolean, or psql's PsqlVarEnumError listing the values the setting takes. */
    private static boolean choice(String value, String name, String allowed) {
        Boolean b = Variables.parseBoolean(value);
        if (b == null) {
            throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + name + "\"\nAvailable values are: " + allowed + ".");
        }
        return b;
    }
}
