package org.shardprep.shell.input;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for input that carries a secret, shared by the history file and by recording: a password in a
 * conninfo string or URI, {@code \password}, {@code ALTER/CREATE ROLE|USER ... PASSWORD}, or {@code \set} of
 * a variable whose name marks it secret.
 */
public final class SecretInput {

    private SecretInput() {}

    private static final Pattern PASSWORD = Pattern.compile(
            "(?is)(password\\s*=)|(\\\\password)|(://[^/\\s:@]*:[^@\\s]*@)|(\\b(role|user)\\b.*\\bpassword\\b)");

    private static final Pattern SET = Pattern.compile("\\\\set\\s+([A-Za-z0-9_]+)");

    /** Words that make a variable secret when its name contains one, in any case (API_KEY, PGPASSWORD, my_token). */
    private static final String[] SECRET_NAME_PARTS = {"PASSWORD", "PASSWD", "SECRET", "TOKEN", "KEY"};

    /** A password in the text (any of the forms in the class comment but {@code \set}). */
    public static boolean holdsPassword(String text) {
        return PASSWORD.matcher(text).find();
    }

    /** A password, or a {@code \set} of a secret variable. */
    public static boolean holdsSecret(String text) {
        if (holdsPassword(text)) return true;
        Matcher set = SET.matcher(text);
        while (set.find()) {
            if (isSecretVariable(set.group(1))) return true;
        }
        return false;
    }

    /**
     * Whether a psql variable's name marks its value secret: it contains PASSWORD, PASSWD, SECRET, TOKEN or KEY,
     * in any case. Broad on purpose (sort_key counts too): leaving a harmless value out costs less than writing a
     * secret down.
     */
    public static boolean isSecretVariable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (upper.contains(part)) return true;
        }
        return false;
    }
}
