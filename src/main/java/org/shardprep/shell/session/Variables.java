package org.shardprep.shell.session;

import org.shardprep.sql.scan.VariableLookup;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** psql's variables (\set, -v) and the special ones that steer the shell: ON_ERROR_STOP, QUIET, ECHO ... */
public final class Variables implements VariableLookup {

    /** The variables psql gives a hook (EstablishVariableSpace): \gset leaves them alone. */
    private static final java.util.Set<String> HOOKED = java.util.Set.of("AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SINGLELINE",
            "SINGLESTEP", "FETCH_COUNT", "HISTFILE", "HISTSIZE", "IGNOREEOF", "ECHO", "ECHO_HIDDEN", "ON_ERROR_ROLLBACK",
            "COMP_KEYWORD_CASE", "HISTCONTROL", "PROMPT1", "PROMPT2", "PROMPT3", "VERBOSITY", "SHOW_ALL_RESULTS", "SHOW_CONTEXT",
            "HIDE_TOAST_COMPRESSION", "HIDE_TABLEAM");

    private final Map<String, String> values = new TreeMap<>();

    public Variables() {
        values.put("AUTOCOMMIT", "on");
        values.put("ECHO", "none");
        values.put("ON_ERROR_ROLLBACK", "off");
        values.put("ON_ERROR_STOP", "off");
        values.put("QUIET", "off");
        values.put("VERBOSITY", "default");
        values.put("FETCH_COUNT", "0");
    }

    @Override
    public String get(String name) { return values.get(name); }

    public void set(String name, String value) { values.put(name, value); }

    public void unset(String name) { values.remove(name); }

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

    public int fetchCount() {
        try {
            return Integer.parseInt(values.getOrDefault("FETCH_COUNT", "0").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
