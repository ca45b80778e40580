package org.shardprep.shell.repl.complete;

import java.util.List;
import java.util.Set;

/** psql's backslash commands by name (those in common use), and what their arguments are. */
final class MetaCommandNames {
    private MetaCommandNames() {}

    static final List<String> ALL = List.of(
            "\\!", "\\?", "\\a", "\\bind", "\\c", "\\C", "\\cd", "\\conninfo", "\\connect", "\\copy", "\\copyright",
            "\\crosstabview", "\\d", "\\da", "\\dA", "\\db", "\\dc", "\\dC", "\\dd", "\\dD", "\\ddp", "\\dE", "\\des",
            "\\det", "\\deu", "\\dew", "\\df", "\\dF", "\\dg", "\\di", "\\dl", "\\dL", "\\dm", "\\dn", "\\do", "\\dO",
            "\\dp", "\\dP", "\\drds", "\\dRp", "\\dRs", "\\ds", "\\dt", "\\dT", "\\du", "\\dv", "\\dx", "\\dX", "\\dy",
            "\\e", "\\echo", "\\edit", "\\ef", "\\elif", "\\else", "\\encoding", "\\endif", "\\errverbose", "\\ev",
            "\\f", "\\g", "\\gdesc", "\\getenv", "\\gexec", "\\gset", "\\gx", "\\h", "\\help", "\\H", "\\i", "\\if",
            "\\include", "\\include_relative", "\\ir", "\\l", "\\list", "\\lo_export", "\\lo_import", "\\lo_list",
            "\\lo_unlink", "\\o", "\\out", "\\p", "\\password", "\\print", "\\prompt", "\\pset", "\\q", "\\qecho",
            "\\quit", "\\r", "\\reset", "\\s", "\\set", "\\setenv", "\\sf", "\\sv", "\\t", "\\T", "\\timing",
            "\\unset", "\\w", "\\warn", "\\watch", "\\write", "\\x", "\\z");

    /** Commands whose argument is a file name. */
    static final Set<String> FILE_ARGUMENT = Set.of("i", "include", "ir", "include_relative", "o", "out", "w", "write",
            "cd", "s", "g", "gx", "lo_import", "e", "edit");

    /** \d-family commands whose argument is a relation; the kinds they list (pg_class.relkind). */
    static String relationKinds(String command) {
        return switch (command) {
            case "d", "dp", "z", "dd" -> "rpvmSfiI";
            case "dt" -> "rp";
            case "dv", "sv", "ev" -> "v";
            case "dm" -> "m";
            case "ds" -> "S";
            case "di" -> "iI";
            case "dE" -> "f";
            case "dP" -> "pI";
            default -> command.startsWith("d") && command.length() > 2 && "tvmsiE".indexOf(command.charAt(1)) >= 0
                    ? "rpvmSfiI" : null;    // \dti, \dtv ...: several kinds at once
        };
    }

    /** psql's \pset options. */
    static final List<String> PSET_OPTIONS = List.of("border", "columns", "csv_fieldsep", "expanded", "fieldsep",
            "fieldsep_zero", "footer", "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines",
            "recordsep", "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
            "unicode_column_linestyle", "unicode_header_linestyle", "xheader_width");

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
