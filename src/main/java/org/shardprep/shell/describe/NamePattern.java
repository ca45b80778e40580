package org.shardprep.shell.describe;

/**
 * psql's object-name patterns (fe_utils' patternToSQLRegex and processSQLNamePattern, with describe.c's
 * validateSQLNamePattern): {@code *} and {@code ?} become {@code .*} and {@code .}, unquoted letters fold to
 * lower case, double quotes keep case and make regex characters literal, {@code $} is always literal, and
 * dots split {@code [db.]schema.name}. The result is the SQL condition psql appends to a catalog query.
 */
public final class NamePattern {

    /** The anchored regexes of one pattern, as patternToSQLRegex makes them. */
    public record Parts(String database, String schemaRegex, String nameRegex, int dots) {
    }

    private NamePattern() {
    }

    /**
     * Splits and translates a pattern. With {@code splitSchema} a pattern has up to three parts
     * (database.schema.name); without, dots are ordinary characters (but still counted, as psql does).
     * The database part is kept literally (case-folded, quotes removed), as psql compares it with the
     * current database name.
     */
    public static Parts parse(String pattern, boolean splitSchema, boolean forceEscape) {
        int maxPart = splitSchema ? 2 : 0;
        StringBuilder[] parts = {new StringBuilder("^("), null, null};
        int current = 0;
        StringBuilder leftLiteral = new StringBuilder();
        boolean left = true;
        boolean inQuotes = false;
        int dots = 0;
        for (int i = 0; i < pattern.length(); ) {
            char ch = pattern.charAt(i);
            StringBuilder cur = parts[current];
            if (ch == '"') {
                if (inQuotes && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    cur.append('"');   // "" inside quotes is one quote
                    if (left) leftLiteral.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
                i++;
            } else if (!inQuotes && ch >= 'A' && ch <= 'Z') {
                char lower = (char) (ch + ('a' - 'A'));
                cur.append(lower);
                if (left) leftLiteral.append(lower);
                i++;
            } else if (!inQuotes && ch == '*') {
                cur.append(".*");
                if (left) leftLiteral.append('*');
                i++;
            } else if (!inQuotes && ch == '?') {
                cur.append('.');
                if (left) leftLiteral.append('?');
                i++;
            } else if (!inQuotes && ch == '.') {
                left = false;
                dots++;
                if (current < maxPart) {
                    cur.append(")$");
                    current++;
                    parts[current] = new StringBuilder("^(");
                } else {
                    cur.append(ch);
                }
                i++;
            } else if (ch == '$') {
                // legal in identifiers, and the pattern is anchored anyway: always literal
                cur.append("\\$");
                if (left) leftLiteral.append('$');
                i++;
            } else {
                // outside quotes regex characters pass through (users may write regexes), except "[]",
                // which is far more likely an array type name than a bracket expression
                if ((inQuotes || forceEscape) && "|*+?()[]{}.^$\\".indexOf(ch) >= 0) {
                    cur.append('\\');
                } else if (ch == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    cur.append('\\');
                }
                cur.append(ch);
                if (left) leftLiteral.append(ch);
                i++;
            }
        }
        parts[current].append(")$");
        String name = parts[current].toString();
        String schema = current >= 1 ? parts[current - 1].toString() : null;
        String database = current >= 2 ? leftLiteral.toString() : null;
        return new Parts(database, schema, name, dots);
    }

    /**
     * The conditions psql appends for {@code pattern} (null: all visible objects), each line starting with
     * "WHERE " or "  AND " and ending in a newline.
     *
     * @param haveWhere       whether the query already has a WHERE clause
     * @param schemaVar       the schema column, or null when the object has no schema (then no splitting)
     * @param altNameVar      a second name column the name may match instead, or null
     * @param visibilityRule  the condition used when no schema is given, or null
     * @param maxParts        how many dotted parts the object's name may have (3 for db.schema.name)
     * @param currentDatabase the connection's database, which a database part must name
     * @throws DescribeException with psql's message when the pattern has too many dots or names another database
     */
    public static String where(String pattern, boolean haveWhere, boolean forceEscape, String schemaVar,
                               String nameVar, String altNameVar, String visibilityRule, int maxParts,
                               String currentDatabase) throws DescribeException {
        StringBuilder sql = new StringBuilder();
        if (pattern == null) {
            if (visibilityRule != null) {
                sql.append(haveWhere ? "  AND " : "WHERE ").append(visibilityRule).append('\n');
            }
            return sql.toString();
        }
        Parts parts = parse(pattern, schemaVar != null, forceEscape);
        if (parts.dots() >= maxParts) {
            throw new DescribeException("improper qualified name (too many dotted names): " + pattern);
        }
        if (maxParts > 1 && parts.dots() == maxParts - 1) {
            String database = parts.database() == null ? "" : parts.database();
            if (!database.equals(currentDatabase)) {
                throw new DescribeException("cross-database references are not implemented: " + pattern);
            }
        }
        boolean where = haveWhere;
        if (nameVar != null && parts.nameRegex().length() > 2 && !parts.nameRegex().equals("^(.*)$")) {
            sql.append(where ? "  AND " : "WHERE ");
            where = true;
            if (altNameVar != null) {
                sql.append('(').append(nameVar).append(" OPERATOR(pg_catalog.~) ").append(literal(parts.nameRegex()))
                        .append(" COLLATE pg_catalog.default")
                        .append("\n        OR ").append(altNameVar).append(" OPERATOR(pg_catalog.~) ")
                        .append(literal(parts.nameRegex())).append(" COLLATE pg_catalog.default)\n");
            } else {
                sql.append(nameVar).append(" OPERATOR(pg_catalog.~) ").append(literal(parts.nameRegex()))
                        .append(" COLLATE pg_catalog.default\n");
            }
        }
        if (schemaVar != null && parts.schemaRegex() != null && parts.schemaRegex().length() > 2) {
            if (!parts.schemaRegex().equals("^(.*)$")) {
                sql.append(where ? "  AND " : "WHERE ");
                sql.append(schemaVar).append(" OPERATOR(pg_catalog.~) ").append(literal(parts.schemaRegex()))
                        .append(" COLLATE pg_catalog.default\n");
            }
        } else if (visibilityRule != null) {
            // no schema given: only objects the search path makes visible
            sql.append(where ? "  AND " : "WHERE ").append(visibilityRule).append('\n');
        }
        return sql.toString();
    }

    /** A SQL string literal, as libpq's appendStringLiteralConn writes it with standard_conforming_strings on. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
