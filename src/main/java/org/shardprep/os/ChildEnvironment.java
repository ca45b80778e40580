package org.shardprep.os;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment the shell's child processes see (\!, backticks, |pipes): the JVM cannot change its own,
 * so psql's \setenv is kept here and applied to every process the shell starts, and \getenv reads it first.
 */
public final class ChildEnvironment {

    /** name -> value; a null value is a variable \setenv removed. */
    private static final Map<String, String> CHANGES = new HashMap<>();

    private ChildEnvironment() {}

    public static synchronized void set(String name, String value) { CHANGES.put(name, value); }

    public static synchronized void unset(String name) { CHANGES.put(name, null); }

    /** The variable as a child process would see it, or null. */
    public static synchronized String get(String name) {
        return CHANGES.containsKey(name) ? CHANGES.get(name) : System.getenv(name);
    }

    /** The whole environment as a child process would see it (libpq's settings for \\c read it too). */
    public static synchronized Map<String, String> all() {
        Map<String, String> env = new HashMap<>(System.getenv());
        CHANGES.forEach((k, v) -> {
            if (v == null) env.remove(k);
            else env.put(k, v);
        });
        return env;
    }

    /** The builder with the changes applied. */
    public static synchronized ProcessBuilder apply(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        CHANGES.forEach((k, v) -> {
            if (v == null) env.remove(k);
            else env.put(k, v);
        });
        return builder;
    }
}
