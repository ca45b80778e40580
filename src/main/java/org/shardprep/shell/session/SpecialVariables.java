package org.shardprep.shell.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * psql's hooked variables (startup.c's EstablishVariableSpace): which values each accepts, with psql's message
 * for the rest, and what &#92;unset and an empty &#92;set turn into (its substitute hooks). psql installs the hooks at
 * startup, so each of these has its default from the start and is never really unset.
 */
final class SpecialVariables {

    /** One variable's rules: {@code unset} replaces &#92;unset, {@code empty} replaces "" (null: "" is checked as is). */
    private record Hook(String unset, String empty, Kind kind, List<String> words) {}

    private enum Kind { BOOL, INT, ENUM, BOOL_OR_ENUM }

    private static final Map<String, Hook> HOOKS = new LinkedHashMap<>();

    static {
        for (String b : List.of("AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SINGLELINE", "SINGLESTEP", "SHOW_ALL_RESULTS",
                "HIDE_TOAST_COMPRESSION", "HIDE_TABLEAM")) {
            HOOKS.put(b, new Hook("off", "on", Kind.BOOL, List.of()));
        }
        HOOKS.put("FETCH_COUNT", new Hook("0", null, Kind.INT, List.of()));
        HOOKS.put("HISTSIZE", new Hook("500", null, Kind.INT, List.of()));
        HOOKS.put("ECHO", new Hook("none", null, Kind.ENUM, List.of("none", "errors", "queries", "all")));
        HOOKS.put("ECHO_HIDDEN", new Hook("off", "on", Kind.BOOL_OR_ENUM, List.of("on", "off", "noexec")));
        HOOKS.put("ON_ERROR_ROLLBACK", new Hook("off", "on", Kind.BOOL_OR_ENUM, List.of("on", "off", "interactive")));
        HOOKS.put("COMP_KEYWORD_CASE", new Hook("preserve-upper", null, Kind.ENUM,
                List.of("lower", "upper", "preserve-lower", "preserve-upper")));
        HOOKS.put("HISTCONTROL", new Hook("none", null, Kind.ENUM, List.of("none", "ignorespace", "ignoredups", "ignoreboth")));
        HOOKS.put("VERBOSITY", new Hook("default", null, Kind.ENUM, List.of("default", "verbose", "terse", "sqlstate")));
        HOOKS.put("SHOW_CONTEXT", new Hook("errors", null, Kind.ENUM, List.of("never", "errors", "always")));
    }

    private SpecialVariables() {}

    /** Every hooked variable with its default, as psql has them before any &#92;set. */
    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        HOOKS.forEach((name, hook) -> d.put(name, hook.unset()));
        d.put("IGNOREEOF", "0");
        return d;
    }

    /** What the variable holds after &#92;set NAME VALUE (VALUE null for &#92;unset): the value, psql's substitute for it. */
    static String substitute(String name, String value) {
        if (name.equals("IGNOREEOF")) {
            // bash's rule, as psql copies it: unset is 0, anything that is not a number 10
            if (value == null) return "0";
            return parseInt(value) == null ? "10" : value;
        }
        Hook hook = HOOKS.get(name);
        if (hook == null) return value;
        if (value == null) return hook.unset();
        if (value.isEmpty() && hook.empty() != null) return hook.empty();
        return value;
    }

    /** psql's message when the (substituted) value is not one the variable takes, else null. */
    static String rejection(String name, String value) {
        Hook hook = HOOKS.get(name);
        if (hook == null) return null;
        return switch (hook.kind()) {
            case BOOL -> BooleanValue.parse(value) != null ? null : BooleanValue.expected(value, name);
            case INT -> parseInt(value) != null ? null : "invalid value \"" + value + "\" for \"" + name + "\": integer expected";
            case ENUM -> hook.words().contains(value.toLowerCase(Locale.ROOT)) ? null : enumError(name, value, hook);
            case BOOL_OR_ENUM -> hook.words().get(2).equalsIgnoreCase(value) || BooleanValue.parse(value) != null
                    ? null : enumError(name, value, hook);
        };
    }

    private static String enumError(String name, String value, Hook hook) {
        return "unrecognized value \"" + value + "\" for \"" + name + "\"\nAvailable values are: "
                + String.join(", ", hook.words()) + ".";
    }

    /**
     * psql's ParseVariableNum: strtol with base 0 (so "0x10" and "010" are numbers, leading blanks skipped), the
     * whole rest must be used and the value must fit an int. The number, or null.
     */
    static Integer parseInt(String value) {
        String v = value.stripLeading();   // strtol skips isspace()
        int i = 0;
        boolean negative = false;
        if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) negative = v.charAt(i++) == '-';
        int radix = 10;
        if (v.startsWith("0x", i) || v.startsWith("0X", i)) {
            if (i + 2 < v.length() && Character.digit(v.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (v.startsWith("0", i)) {
            radix = 8;
        }
        String digits = v.substring(i);
        if (digits.isEmpty()) return null;
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0 || digits.charAt(k) > 'z') return null;
        }
        try {
            long n = Long.parseLong(digits, radix);
            n = negative ? -n : n;
            return n == (int) n ? (int) n : null;
        } catch (NumberFormatException e) {
            return null;   // beyond a long: strtol's ERANGE
        }
    }
}
