package org.shardprep.shell.repl.complete;

import java.util.List;

/** The words TAB offers after psql's backslash commands (which command offers which: {@code MetaCommandCatalog}). */
final class MetaCommandNames {
    private MetaCommandNames() {}

    /** psql's \pset options. */
    static final List<String> PSET_OPTIONS = List.of("border", "columns", "csv_fieldsep", "expanded", "fieldsep",
            "fieldsep_zero", "footer", "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines",
            "recordsep", "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
            "unicode_column_linestyle", "unicode_header_linestyle");

    /** What psql 15 offers after {@code \pset NAME}. */
    static List<String> psetValues(String option) {
        return switch (option) {
            case "format" -> List.of("aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms",
                    "unaligned", "wrapped");
            case "linestyle" -> List.of("ascii", "old-ascii", "unicode");
            case "unicode_border_linestyle", "unicode_column_linestyle", "unicode_header_linestyle" -> List.of("single", "double");
            case "expanded" -> List.of("on", "off", "auto");
            case "pager" -> List.of("on", "off", "always");
            case "fieldsep_zero", "footer", "numericlocale", "recordsep_zero", "tuples_only" -> List.of("on", "off");
            default -> List.of();
        };
    }

    /** Client encodings as psql offers them. */
    static final List<String> ENCODINGS = List.of("BIG5", "EUC_CN", "EUC_JP", "EUC_JIS_2004", "EUC_KR", "EUC_TW",
            "GB18030", "GBK", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "JOHAB", "KOI8R", "KOI8U",
            "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10",
            "SJIS", "SHIFT_JIS_2004", "SQL_ASCII", "UHC", "UTF8", "WIN866", "WIN874", "WIN1250", "WIN1251", "WIN1252",
            "WIN1253", "WIN1254", "WIN1255", "WIN1256", "WIN1257", "WIN1258");

    /** psql's special variables, offered by the set and unset commands beside the ones already set. */
    static final List<String> SPECIAL_VARIABLES = List.of("AUTOCOMMIT", "COMP_KEYWORD_CASE", "ECHO", "ECHO_HIDDEN",
            "ENCODING", "FETCH_COUNT", "HIDE_TABLEAM", "HIDE_TOAST_COMPRESSION", "HISTCONTROL", "HISTFILE", "HISTSIZE",
            "IGNOREEOF", "ON_ERROR_ROLLBACK", "ON_ERROR_STOP", "PROMPT1", "PROMPT2", "PROMPT3", "QUIET",
            "SHOW_ALL_RESULTS", "SHOW_CONTEXT", "SINGLELINE", "SINGLESTEP", "VERBOSITY");
}
