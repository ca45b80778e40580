package org.shardprep.shell.describe;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Type-name patterns as psql 15 matches them in \dT and in the argument-type patterns of \df and \do: a few
 * names the grammar accepts are first mapped to their canonical names (describe.c's map_typename_pattern), and a
 * pattern matches either the internal name (pg_type.typname) or format_type's.
 */
final class TypePatterns {

    /** map_typename_pattern's table, compared without regard to case. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("decimal", "numeric"),
            Map.entry("float", "double precision"),
            Map.entry("int", "integer"),
            Map.entry("bool[]", "boolean[]"),
            Map.entry("decimal[]", "numeric[]"),
            Map.entry("float[]", "double precision[]"),
            Map.entry("float4[]", "real[]"),
            Map.entry("float8[]", "double precision[]"),
            Map.entry("int[]", "integer[]"),
            Map.entry("int2[]", "smallint[]"),
            Map.entry("int4[]", "integer[]"),
            Map.entry("int8[]", "bigint[]"),
            Map.entry("time[]", "time without time zone[]"),
            Map.entry("timetz[]", "time with time zone[]"),
            Map.entry("timestamp[]", "timestamp without time zone[]"),
            Map.entry("timestamptz[]", "timestamp with time zone[]"),
            Map.entry("varbit[]", "bit varying[]"),
            Map.entry("varchar[]", "character varying[]"));

    private TypePatterns() {
    }

    /** map_typename_pattern: the canonical name for a grammar-only type name, else the pattern itself. */
    static String canonical(String pattern) {
        if (pattern == null) return null;
        return CANONICAL.getOrDefault(pattern.toLowerCase(Locale.ROOT), pattern);
    }

    /**
     * The conditions of \df's and \do's argument-type patterns on the joined types t0, t1, ...: "-" means no
     * argument in that place, anything else matches the type's internal or external name, visible unless a
     * schema is given.
     */
    static String argumentConditions(List<String> patterns, String database) throws DescribeException {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).equals("-")) {
                sql.append("  AND t").append(i).append(".typname IS NULL\n");
            } else {
                sql.append(NamePattern.where(canonical(patterns.get(i)), true, false, "nt" + i + ".nspname",
                        "t" + i + ".typname", "pg_catalog.format_type(t" + i + ".oid, NULL)",
                        "pg_catalog.pg_type_is_visible(t" + i + ".oid)", 3, database));
            }
        }
        return sql.toString();
    }
}
