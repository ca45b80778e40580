package org.shardprep.migrate;

import org.shardprep.sql.scan.SqlQuoting;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Names in the SQL the key swap writes: written bare where the server's quote_ident would leave them bare,
 * else double-quoted; and names we make up (index and constraint names) cut to the 63 bytes the server
 * keeps, so that the name we look for in the catalog is the name the server stored.
 */
public final class SqlIdentifier {

    private SqlIdentifier() {}

    /** NAMEDATALEN - 1: longer names are truncated by the server. */
    static final int MAX_BYTES = 63;

    /** PostgreSQL's reserved and type/function-name keywords: not usable bare as a table or column name. */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

    public static String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*") && !KEYWORDS.contains(name)) return name;
        return SqlQuoting.identifier(name);
    }

    /** A made-up name as the server will store it: at most 63 bytes, not cutting a character in two. */
    static String truncate(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return name;
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > MAX_BYTES) break;
            sb.appendCodePoint(cp);
            bytes += n;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
