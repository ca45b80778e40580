package org.shardprep.shell.session;

/**
 * psql's ParseVariableBool (variables.c): true/false, yes/no, on/off, 1/0 in any case, and prefixes of the words
 * ("t", "ye", "of"); "o" alone is neither. Nothing is trimmed: " true" is not a boolean, as in psql.
 */
public final class BooleanValue {

    private BooleanValue() {}

    /** The value, or null when psql would say "Boolean expected". */
    public static Boolean parse(String value) {
        String v = value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
        int len = v.length();
        if (len > 0 && "true".startsWith(v)) return true;
        if (len > 0 && "false".startsWith(v)) return false;
        if (len > 0 && "yes".startsWith(v)) return true;
        if (len > 0 && "no".startsWith(v)) return false;
        // psql compares at least two characters for on/off, so "o" is ambiguous and "of" is off
        if (len >= 2 && "on".startsWith(v)) return true;
        if (len >= 2 && "off".startsWith(v)) return false;
        if (v.equals("1")) return true;
        if (v.equals("0")) return false;
        return null;
    }

    /** psql's message for a value that is not a boolean, {@code what} naming where it was expected. */
    public static String expected(String value, String what) {
        return "unrecognized value \"" + value + "\" for \"" + what + "\": Boolean expected";
    }
}
