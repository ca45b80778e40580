package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A view depends on a primary key or unique constraint when it groups by the key and selects other columns of
 * the table (functionally dependent on the key). Once the key is widened onto (column, key) those columns
 * depend on the wider key only, so the view as written cannot be created again; grouping by the column as
 * well gives the same groups (the old key was unique, so each group had one row, and one value of the column).
 * This adds {@code alias.column} to each GROUP BY of the view's definition (as pg_get_viewdef prints it,
 * pretty: one clause per line) that groups by every column of the old key of that table.
 */
final class GroupByWidening {

    private GroupByWidening() {}

    private static final String NAME = "(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")";
    private static final Pattern GROUP_BY = Pattern.compile("(?m)^(\\s*GROUP BY )(.*?)(;?)$");

    /** The definition with the GROUP BYs widened, or the same text when no GROUP BY groups by the old key. */
    static String widen(String definition, String table, List<String> oldKey, String column) {
        List<String> aliases = aliases(definition, table);
        Matcher m = GROUP_BY.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String list = m.group(2);
            for (String alias : aliases) {
                String col = alias + "." + SqlIdentifier.quote(column);
                String grouped = list;
                boolean all = oldKey.stream().allMatch(k -> Pattern.compile("(^|[\\s,(])" + Pattern.quote(alias + "." + SqlIdentifier.quote(k))
                        + "($|[\\s,)])").matcher(grouped).find());
                if (all && !list.contains(col)) list = list + ", " + col;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + list + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How the view names the table: {@code FROM projects p}, {@code JOIN public.projects p}, or the bare name. */
    private static List<String> aliases(String definition, String table) {
        String bare = table.replaceFirst("^.*\\.", "");
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?:FROM|JOIN|,)\\s+(?:" + NAME + "\\.)?" + Pattern.quote(bare) + "(?:\\s+(?!ON\\b|JOIN\\b|WHERE\\b|GROUP\\b|LEFT\\b|RIGHT\\b|FULL\\b|CROSS\\b|INNER\\b)(" + NAME + "))?")
                .matcher(definition);
        while (m.find()) {
            String alias = m.group(1) == null ? bare : m.group(1);
            if (!out.contains(alias)) out.add(alias);
        }
        return out;
    }
}
