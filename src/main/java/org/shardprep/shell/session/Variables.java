package org.shardprep.shell.session;

import org.shardprep.sql.scan.VariableLookup;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** psql's variables (\set, -v) and the special ones that steer the shell: ON_ERROR_STOP, QUIET, ECHO ... */
public final class Variables implements VariableLookup {

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
