package org.shardprep.shell.session;

import org.shardprep.sql.scan.LeadingWords;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgjdbc closes the connection when client_encoding becomes anything but UTF8, so a SET of another
 * encoding is refused before it is sent (the exercise's own SET CLIENT_ENCODING TO 'utf8' goes through).
 */
public final class ClientEncodingGuard {

    private static final Pattern SET_ENCODING = Pattern.compile(
            "(?is)set\\s+(?:session\\s+|local\\s+)?(?:client_encoding\\s*(?:to|=)|names)\\s*'?\"?([A-Za-z0-9_-]+)'?\"?\\s*;?\\s*$");

    private ClientEncodingGuard() {}

    /** The refusal message for a statement that would switch away from UTF8, or null to send it. */
    public static String check(String sql) {
        Matcher m = SET_ENCODING.matcher(LeadingWords.rest(sql));
        if (!m.matches()) return null;
        String value = m.group(1);
        if (isUtf8(value) || value.equalsIgnoreCase("default")) return null;
        return "ERROR:  " + refusal(value);
    }

    public static boolean isUtf8(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return n.equals("utf8") || n.equals("unicode");
    }

    public static String refusal(String name) {
        return "client encoding \"" + name + "\" is not supported: shardprep talks UTF8 to the server (pgjdbc requires it)";
    }
}
