package org.shardprep.shell.describe;

/** psql 15's describeTypes: \dT[S+]. */
final class TypeQueries {

    private final String database;

    TypeQueries(String database) {
        this.database = database;
    }

    String types(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "  pg_catalog.format_type(t.oid, NULL) AS \"Name\",\n");
        if (verbose) {
            sql.append("  t.typname AS \"Internal name\",\n"
                    + "  CASE WHEN t.typrelid != 0\n"
                    + "      THEN CAST('tuple' AS pg_catalog.text)\n"
                    + "    WHEN t.typlen < 0\n"
                    + "      THEN CAST('var' AS pg_catalog.text)\n"
                    + "    ELSE CAST(t.typlen AS pg_catalog.text)\n"
                    + "  END AS \"Size\",\n"
                    + "  pg_catalog.array_to_string(\n"
                    + "      ARRAY(\n"
                    + "          SELECT e.enumlabel\n"
                    + "          FROM pg_catalog.pg_enum e\n"
                    + "          WHERE e.enumtypid = t.oid\n"
                    + "          ORDER BY e.enumsortorder\n"
                    + "      ),\n"
                    + "      E'\\n'\n"
                    + "  ) AS \"Elements\",\n"
                    + "  pg_catalog.pg_get_userbyid(t.typowner) AS \"Owner\",\n"
                    + "pg_catalog.array_to_string(t.typacl, E'\\n') AS \"Access privileges\",\n  ");
        }
        sql.append("  pg_catalog.obj_description(t.oid, 'pg_type') as \"Description\"\n"
                + "FROM pg_catalog.pg_type t\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
                // composite types only when they stand alone, not a table's row type
                + "WHERE (t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))\n");
        if (pattern == null || !pattern.contains("[]")) {
            // array types only when the pattern asks for them
            sql.append("  AND NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)\n");
        }
        if (!system && pattern == null) {
            sql.append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        }
        sql.append(NamePattern.where(TypePatterns.canonical(pattern), true, false, "n.nspname", "t.typname",
                "pg_catalog.format_type(t.oid, NULL)", "pg_catalog.pg_type_is_visible(t.oid)", 3, database));
        return sql.append("ORDER BY 1, 2;").toString();
    }
}
