package org.shardprep.connect;

/** Reads a password without echo; null when there is no terminal to ask on. */
@FunctionalInterface
public interface PasswordPrompt {
    String read(String prompt);

    /** The JVM console (no echo); absent when stdin/stdout are not a terminal, as in CI. */
    static PasswordPrompt console() {
        return prompt -> {
            java.io.Console c = System.console();
            if (c == null) return null;
            char[] pw = c.readPassword("%s", prompt);
            return pw == null ? null : new String(pw);
        };
    }
}
