package org.shardprep.shell.session;

import org.shardprep.sql.scan.LeadingWords;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgjdbc closes the connection when DateStyle stops beginning with ISO, so a SET of another output style
 * (Postgres, SQL, German) is refused before it is sent; a change of the field order alone (MDY, DMY, YMD) keeps
 * ISO and goes through.
 */
public final class DateStyleGuard {

    private static final Pattern SET_DATESTYLE = Pattern.compile(
            "(?is)set\\s+(?:session\\s+|local\\s+)?datestyle\\s*(?:to|=)\\s*(.*?)\\s*;?\\s*$");

    private DateStyleGuard() {}

    /** The refusal message for a statement that would set another output style, or null to send it. */
    public static String check(String sql) {
        Matcher m = SET_DATESTYLE.matcher(LeadingWords.rest(sql));
        if (!m.matches()) return null;
        for (String part : m.group(1).split("[,'\"\\s]+")) {
            String style = part.toLowerCase(Locale.ROOT);
            if (style.equals("postgres") || style.equals("sql") || style.equals("german")) {
                return "ERROR:  DateStyle \"" + part + "\" is not supported: shardprep keeps the ISO style (pgjdbc requires it)";
            }
        }
        return null;
    }
}
