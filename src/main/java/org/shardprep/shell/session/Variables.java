package org.shardprep.shell.session;

import org.shardprep.sql.scan.VariableLookup;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** psql's variables (&#92;set, -v) and the special ones that steer the shell: ON_ERROR_STOP, QUIET, ECHO ... */
public final class Variables implements VariableLookup {

    /** The variables psql gives a hook (EstablishVariableSpace): \gset leaves them alone. */
    private static final java.util.Set<String> HOOKED = java.util.Set.of("AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SINGLELINE",
            "SINGLESTEP", "FETCH_COUNT", "HISTFILE", "HISTSIZE", "IGNOREEOF", "ECHO", "ECHO_HIDDEN", "ON_ERROR_ROLLBACK",
            "COMP_KEYWORD_CASE", "HISTCONTROL", "PROMPT1", "PROMPT2", "PROMPT3", "VERBOSITY", "SHOW_ALL_RESULTS", "SHOW_CONTEXT",
            "HIDE_TOAST_COMPRESSION", "HIDE_TABLEAM");

    private final Map<String, String> values = new TreeMap<>();

    public Variables() {
        values.putAll(SpecialVariables.defaults());
        values.put("AUTOCOMMIT", "on");   // psql's startup turns these two on once their hooks are in place
        values.put("SHOW_ALL_RESULTS", "on");
        // psql sets these at startup; their hooks have no default, so unsetting one leaves an empty prompt
        values.put("PROMPT1", "%/%R%x%# ");
        values.put("PROMPT2", "%/%R%x%# ");
        values.put("PROMPT3", ">> ");
        values.put("LAST_ERROR_MESSAGE", "");
        values.put("LAST_ERROR_SQLSTATE", "00000");
    }

    @Override
    public String get(String name) { return values.get(name); }

    /**
     * &#92;set: the value, or what psql substitutes for it (an empty boolean is on). Returns null, or psql's message
     * when a special variable does not take the value; it then keeps the one it had.
     */
    public String set(String name, String value) {
        String v = SpecialVariables.substitute(name, value);
        String rejected = SpecialVariables.rejection(name, v);
        if (rejected == null) values.put(name, v);
        return rejected;
    }

    /** &#92;unset: gone, or back to its default for a special variable (psql's substitute hooks). */
    public void unset(String name) {
        String v = SpecialVariables.substitute(name, null);
        if (v == null) values.remove(name); else values.put(name, v);
    }

    public Map<String, String> all() { return values; }

    /** A variable psql watches with a hook of its own (and \gset will not set). */
    public static boolean hooked(String name) { return HOOKED.contains(name); }

    /** psql's valid_variable_name: letters (any non-ASCII byte counts as one), digits, underscores. */
    public static boolean validName(String name) {
        return !name.isEmpty() && name.codePoints().allMatch(c -> c > 127 || Character.isLetterOrDigit(c) || c == '_');
    }

    /** psql's boolean spelling: on/off, true/false, yes/no, 1/0 (and unambiguous prefixes). */
    public boolean isOn(String name) {
        String v = values.get(name);
        return v != null && parseBoolean(v) == Boolean.TRUE;
    }

    /** {@link BooleanValue#parse}, surrounding blanks ignored. */
    public static Boolean parseBoolean(String value) {
        return BooleanValue.parse(value.trim());
    }

    public boolean onErrorStop() { return isOn("ON_ERROR_STOP"); }

    public boolean quiet() { return isOn("QUIET"); }

    /** ECHO: none, errors, queries, all. */
    public String echo() {
        String v = values.get("ECHO");
        return v == null ? "none" : v.toLowerCase(Locale.ROOT);
    }

    /** ECHO_HIDDEN: off, on or noexec (the hook took only those and psql's booleans). */
    public String echoHidden() {
        String v = values.get("ECHO_HIDDEN");
        if (v == null) return "off";
        if (v.trim().equalsIgnoreCase("noexec")) return "noexec";
        return isOn("ECHO_HIDDEN") ? "on" : "off";
    }

    /** IGNOREEOF: how many Ctrl-D in a row leave the prompt (0 and 1: the first). */
    public int ignoreEof() {
        Integer n = SpecialVariables.parseInt(values.getOrDefault("IGNOREEOF", "0"));
        return n == null ? 0 : n;
    }

    /** HISTCONTROL: none, ignorespace, ignoredups or ignoreboth (the hook took only those, in any case). */
    public String histControl() {
        return values.getOrDefault("HISTCONTROL", "none").toLowerCase(Locale.ROOT);
    }

    /** HISTSIZE: how many entries the history file keeps when the shell leaves; negative, no limit. */
    public int histSize() {
        Integer n = SpecialVariables.parseInt(values.getOrDefault("HISTSIZE", "500"));
        return n == null ? 500 : n;
    }

    /** COMP_KEYWORD_CASE: lower, upper, preserve-lower or preserve-upper (the hook took only those, in any case). */
    public String compKeywordCase() {
        return values.getOrDefault("COMP_KEYWORD_CASE", "preserve-upper").toLowerCase(Locale.ROOT);
    }

    public int fetchCount() {
        Integer n = SpecialVariables.parseInt(values.getOrDefault("FETCH_COUNT", "0"));
        return n == null ? 0 : n;
    }
}
