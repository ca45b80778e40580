package org.shardprep.shell.describe;

import java.util.List;

/**
 * psql 15's describeOperators: \do[S+] [OPPTRN [TYPEPTRN [TYPEPTRN]]]. One type pattern names the right
 * argument of a prefix operator; two name the left and right arguments (more are read and ignored).
 */
final class OperatorQueries {

    private final String database;

    OperatorQueries(String database) {
        this.database = database;
    }

    String operators(String pattern, List<String> argPatterns, boolean verbose, boolean system) throws DescribeException {
        List<String> args = argPatterns.size() > 2 ? argPatterns.subList(0, 2) : argPatterns;
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "  o.oprname AS \"Name\",\n"
                + "  CASE WHEN o.oprkind='l' THEN NULL ELSE pg_catalog.format_type(o.oprleft, NULL) END AS \"Left arg type\",\n"
                + "  CASE WHEN o.oprkind='r' THEN NULL ELSE pg_catalog.format_type(o.oprright, NULL) END AS \"Right arg type\",\n"
                + "  pg_catalog.format_type(o.oprresult, NULL) AS \"Result type\",\n");
        if (verbose) sql.append("  o.oprcode AS \"Function\",\n");
        sql.append("  coalesce(pg_catalog.obj_description(o.oid, 'pg_operator'),\n"
                + "           pg_catalog.obj_description(o.oprcode, 'pg_proc')) AS \"Description\"\n"
                + "FROM pg_catalog.pg_operator o\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace\n");
        if (args.size() == 2) {
            sql.append("     LEFT JOIN pg_catalog.pg_type t0 ON t0.oid = o.oprleft\n"
                    + "     LEFT JOIN pg_catalog.pg_namespace nt0 ON nt0.oid = t0.typnamespace\n"
                    + "     LEFT JOIN pg_catalog.pg_type t1 ON t1.oid = o.oprright\n"
                    + "     LEFT JOIN pg_catalog.pg_namespace nt1 ON nt1.oid = t1.typnamespace\n");
        } else if (args.size() == 1) {
            sql.append("     LEFT JOIN pg_catalog.pg_type t0 ON t0.oid = o.oprright\n"
                    + "     LEFT JOIN pg_catalog.pg_namespace nt0 ON nt0.oid = t0.typnamespace\n");
        }
        boolean hideSystem = !system && pattern == null;
        if (hideSystem) sql.append("WHERE n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        // operator names are full of regex characters: they are taken literally
        sql.append(NamePattern.where(pattern, hideSystem, true, "n.nspname", "o.oprname", null,
                "pg_catalog.pg_operator_is_visible(o.oid)", 3, database));
        if (args.size() == 1) sql.append("  AND o.oprleft = 0\n");
        sql.append(TypePatterns.argumentConditions(args, database));
        return sql.append("ORDER BY 1, 2, 3, 4;").toString();
    }
}
