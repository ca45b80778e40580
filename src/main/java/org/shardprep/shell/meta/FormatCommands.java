package org.shardprep.shell.meta;

import org.shardprep.shell.session.Pager;
import org.shardprep.shell.session.Variables;
import org.shardprep.shell.session.Session;

import org.shardprep.sql.render.PrintOptions;

import java.util.List;
import java.util.Locale;

/** \pset and its shortcuts \a, \t, \x, \f, \C: psql's print settings, with psql's messages. */
final class FormatCommands {

    /** psql's pager setting: off, on (for long output), always. */

    private static final List<String> LISTED = List.of("border", "columns", "csv_fieldsep", "expanded", "fieldsep",
            "fieldsep_zero", "footer", "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines",
            "recordsep", "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
            "unicode_column_linestyle", "unicode_header_linestyle");

    private final Session session;

    FormatCommands(Session session) {
        this.session = session;
    }

    private PrintOptions options() { return session.printOptions(); }

    /** \pset [NAME [VALUE]]. Returns the message to show, or throws IllegalArgumentException with psql's error. */
    String pset(List<String> args) {
        if (args.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String name : LISTED) {
                if (sb.length() > 0) sb.append('\n');
                sb.append(String.format(Locale.ROOT, "%-24s %s", name, listedValue(name)));
            }
            return sb.toString();
        }
        String name = args.get(0);
        String value = args.size() > 1 ? args.get(1) : null;
        PrintOptions o = options();
        switch (name) {
            case "format" -> {
                if (value != null) o.setFormat(format(value));
            }
            case "border" -> {
                if (value != null) o.setBorder(Math.max(0, Math.min(2, atoi(value))));   // psql takes atoi()
            }
            case "expanded", "x" -> o.setExpanded(value == null ? toggle(o.getExpanded())
                    : value.equalsIgnoreCase("auto") ? PrintOptions.Expanded.AUTO
                    : bool(value, "expanded") ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF);
            case "null" -> {
                if (value != null) o.setNullDisplay(value);
            }
            case "fieldsep" -> {
                if (value != null) o.setFieldSeparator(value);
            }
            case "recordsep" -> {
                if (value != null) o.setRecordSeparator(value);
            }
            case "csv_fieldsep" -> {
                if (value != null) {
                    if (value.length() != 1 || "\"\n\r".contains(value)) {
                        throw new IllegalArgumentException("\\pset: csv_fieldsep must be a single one-byte character");
                    }
                    o.setCsvFieldSeparator(value);
                }
            }
            case "tuples_only", "t" -> {
                if (value == null) {
                    o.setTuplesOnly(!o.isTuplesOnly());
                } else {
                    o.setTuplesOnly(bool(value, "tuples_only"));
                    return "";   // psql's do_pset returns before its message when a value is given
                }
            }
            case "title", "C" -> o.setTitle(value);
            case "footer" -> {
                if (value == null) {
                    o.setFooter(!o.isFooter());
                } else {
                    o.setFooter(bool(value, "footer"));
                    return "";   // as tuples_only
                }
            }
            case "pager" -> session.setPager(value == null ? (session.pager() == Pager.OFF ? Pager.ON : Pager.OFF)
                    : value.equalsIgnoreCase("always") ? Pager.ALWAYS : bool(value, "pager") ? Pager.ON : Pager.OFF);
            default -> throw new IllegalArgumentException("\\pset: unknown option: " + name);
        }
        return describe(name);
    }

    /** \a: aligned <-> unaligned. */
    String toggleAligned() {
        PrintOptions o = options();
        o.setFormat(o.getFormat() == PrintOptions.Format.ALIGNED ? PrintOptions.Format.UNALIGNED : PrintOptions.Format.ALIGNED);
        return describe("format");
    }

    /** psql's printPsetInfo sentence for one setting. */
    String describe(String name) {
        PrintOptions o = options();
        return switch (name) {
            case "format" -> "Output format is " + o.getFormat().name().toLowerCase(Locale.ROOT) + ".";
            case "border" -> "Border style is " + o.getBorder() + ".";
            case "expanded", "x" -> switch (o.getExpanded()) {
                case ON -> "Expanded display is on.";
                case AUTO -> "Expanded display is used automatically.";
                default -> "Expanded display is off.";
            };
            case "null" -> "Null display is \"" + o.getNullDisplay() + "\".";
            case "fieldsep" -> "Field separator is \"" + o.getFieldSeparator() + "\".";
            case "recordsep" -> o.getRecordSeparator().equals("\n") ? "Record separator is <newline>."
                    : "Record separator is \"" + o.getRecordSeparator() + "\".";
            case "csv_fieldsep" -> "Field separator for CSV is \"" + o.getCsvFieldSeparator() + "\".";
            case "tuples_only", "t" -> o.isTuplesOnly() ? "Tuples only is on." : "Tuples only is off.";
            case "title", "C" -> o.getTitle() == null ? "Title is unset." : "Title is \"" + o.getTitle() + "\".";
            case "footer" -> o.isFooter() ? "Default footer is on." : "Default footer is off.";
            case "pager" -> switch (session.pager()) {
                case ON -> "Pager is used for long output.";
                case ALWAYS -> "Pager is always used.";
                default -> "Pager usage is off.";
            };
            default -> "";
        };
    }

    private String listedValue(String name) {
        PrintOptions o = options();
        return switch (name) {
            case "border" -> String.valueOf(o.getBorder());
            case "columns", "pager_min_lines" -> "0";
            case "csv_fieldsep" -> quoted(o.getCsvFieldSeparator());
            case "expanded" -> switch (o.getExpanded()) { case ON -> "on"; case AUTO -> "auto"; default -> "off"; };
            case "fieldsep" -> quoted(o.getFieldSeparator());
            case "fieldsep_zero", "numericlocale", "recordsep_zero" -> "off";
            case "footer" -> o.isFooter() ? "on" : "off";
            case "format" -> o.getFormat().name().toLowerCase(Locale.ROOT);
            case "linestyle" -> "ascii";
            case "null" -> quoted(o.getNullDisplay());
            case "pager" -> String.valueOf(session.pager().ordinal());
            case "recordsep" -> quoted(o.getRecordSeparator());
            case "tableattr" -> "";
            case "title" -> o.getTitle() == null ? "" : quoted(o.getTitle());
            case "tuples_only" -> o.isTuplesOnly() ? "on" : "off";
            default -> "single";
        };
    }

    /** psql quotes listed strings with '' and shows a newline as \n. */
    private static String quoted(String s) {
        return "'" + s.replace("'", "''").replace("\n", "\\n") + "'";
    }

    private static PrintOptions.Format format(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (PrintOptions.Format f : PrintOptions.Format.values()) {
            if (f.name().toLowerCase(Locale.ROOT).startsWith(v) && !v.isEmpty()) return f;
        }
        throw new IllegalArgumentException("\\pset: allowed formats are aligned, csv, json, unaligned");
    }

    private static int atoi(String s) {
        int i = 0;
        String t = s.strip();
        while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
        return i == 0 ? 0 : Integer.parseInt(t.substring(0, Math.min(i, 9)));
    }

    private static PrintOptions.Expanded toggle(PrintOptions.Expanded e) {
        return e == PrintOptions.Expanded.OFF ? PrintOptions.Expanded.ON : PrintOptions.Expanded.OFF;
    }

    private static boolean bool(String value, String name) {
        Boolean b = Variables.parseBoolean(value);
        if (b == null) throw new IllegalArgumentException("unrecognized value \"" + value + "\" for \"" + name + "\": Boolean expected");
        return b;
    }
}
