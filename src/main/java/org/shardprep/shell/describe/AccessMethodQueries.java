package org.shardprep.shell.describe;

/**
 * The catalog queries of psql 15's access-method commands, text for text: \dA (describeAccessMethods), \dAc
 * (listOperatorClasses), \dAf (listOperatorFamilies), \dAo (listOpFamilyOperators) and \dAp
 * (listOpFamilyFunctions). The access-method pattern is a plain name (no dots); the second pattern is a type
 * (\dAc, \dAf) or an operator family (\dAo, \dAp), which may be schema-qualified.
 */
final class AccessMethodQueries {

    private final String database;

    AccessMethodQueries(String database) {
        this.database = database;
    }

    String accessMethods(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT amname AS \"Name\",\n"
                + "  CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\"");
        if (verbose) {
            sql.append(",\n  amhandler AS \"Handler\",\n  pg_catalog.obj_description(oid, 'pg_am') AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_am\n");
        sql.append(NamePattern.where(pattern, false, false, null, "amname", null, null, 1, database));
        return sql.append("ORDER BY 1;").toString();
    }

    String operatorClasses(String amPattern, String typePattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  am.amname AS \"AM\",\n"
                + "  pg_catalog.format_type(c.opcintype, NULL) AS \"Input type\",\n"
                + "  CASE\n"
                + "    WHEN c.opckeytype <> 0 AND c.opckeytype <> c.opcintype\n"
                + "    THEN pg_catalog.format_type(c.opckeytype, NULL)\n"
                + "    ELSE NULL\n"
                + "  END AS \"Storage type\",\n"
                + "  CASE\n"
                + "    WHEN pg_catalog.pg_opclass_is_visible(c.oid)\n"
                + "    THEN pg_catalog.format('%I', c.opcname)\n"
                + "    ELSE pg_catalog.format('%I.%I', n.nspname, c.opcname)\n"
                + "  END AS \"Operator class\",\n"
                + "  (CASE WHEN c.opcdefault\n"
                + "    THEN 'yes'\n"
                + "    ELSE 'no'\n"
                + "  END) AS \"Default?\"");
        if (verbose) {
            sql.append(",\n  CASE\n"
                    + "    WHEN pg_catalog.pg_opfamily_is_visible(of.oid)\n"
                    + "    THEN pg_catalog.format('%I', of.opfname)\n"
                    + "    ELSE pg_catalog.format('%I.%I', ofn.nspname, of.opfname)\n"
                    + "  END AS \"Operator family\",\n"
                    + " pg_catalog.pg_get_userbyid(c.opcowner) AS \"Owner\"\n");
        }
        sql.append("\nFROM pg_catalog.pg_opclass c\n"
                + "  LEFT JOIN pg_catalog.pg_am am on am.oid = c.opcmethod\n"
                + "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace\n"
                + "  LEFT JOIN pg_catalog.pg_type t ON t.oid = c.opcintype\n"
                + "  LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace\n");
        if (verbose) {
            sql.append("  LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = c.opcfamily\n"
                    + "  LEFT JOIN pg_catalog.pg_namespace ofn ON ofn.oid = of.opfnamespace\n");
        }
        String am = amCondition(amPattern);
        sql.append(am);
        if (typePattern != null) {
            sql.append(NamePattern.where(typePattern, !am.isEmpty(), false, "tn.nspname", "t.typname",
                    "pg_catalog.format_type(t.oid, NULL)", "pg_catalog.pg_type_is_visible(t.oid)", 3, database));
        }
        return sql.append("ORDER BY 1, 2, 4;").toString();
    }

    String operatorFamilies(String amPattern, String typePattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  am.amname AS \"AM\",\n"
                + "  CASE\n"
                + "    WHEN pg_catalog.pg_opfamily_is_visible(f.oid)\n"
                + "    THEN pg_catalog.format('%I', f.opfname)\n"
                + "    ELSE pg_catalog.format('%I.%I', n.nspname, f.opfname)\n"
                + "  END AS \"Operator family\",\n"
                + "  (SELECT\n"
                + "     pg_catalog.string_agg(pg_catalog.format_type(oc.opcintype, NULL), ', ')\n"
                + "   FROM pg_catalog.pg_opclass oc\n"
                + "   WHERE oc.opcfamily = f.oid) \"Applicable types\"");
        if (verbose) sql.append(",\n  pg_catalog.pg_get_userbyid(f.opfowner) AS \"Owner\"\n");
        sql.append("\nFROM pg_catalog.pg_opfamily f\n"
                + "  LEFT JOIN pg_catalog.pg_am am on am.oid = f.opfmethod\n"
                + "  LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace\n");
        String am = amCondition(amPattern);
        sql.append(am);
        if (typePattern != null) {
            sql.append("  ").append(am.isEmpty() ? "WHERE" : "AND").append(" EXISTS (\n"
                    + "    SELECT 1\n"
                    + "    FROM pg_catalog.pg_type t\n"
                    + "    JOIN pg_catalog.pg_opclass oc ON oc.opcintype = t.oid\n"
                    + "    LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace\n"
                    + "    WHERE oc.opcfamily = f.oid\n");
            sql.append(NamePattern.where(typePattern, true, false, "tn.nspname", "t.typname",
                    "pg_catalog.format_type(t.oid, NULL)", "pg_catalog.pg_type_is_visible(t.oid)", 3, database));
            sql.append("  )\n");
        }
        return sql.append("ORDER BY 1, 2;").toString();
    }

    String familyOperators(String amPattern, String familyPattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  am.amname AS \"AM\",\n"
                + "  CASE\n"
                + "    WHEN pg_catalog.pg_opfamily_is_visible(of.oid)\n"
                + "    THEN pg_catalog.format('%I', of.opfname)\n"
                + "    ELSE pg_catalog.format('%I.%I', nsf.nspname, of.opfname)\n"
                + "  END AS \"Operator family\",\n"
                + "  o.amopopr::pg_catalog.regoperator AS \"Operator\"\n"
                + ",  o.amopstrategy AS \"Strategy\",\n"
                + "  CASE o.amoppurpose\n"
                + "    WHEN 'o' THEN 'ordering'\n"
                + "    WHEN 's' THEN 'search'\n"
                + "  END AS \"Purpose\"\n");
        if (verbose) sql.append(", ofs.opfname AS \"Sort opfamily\"\n");
        sql.append("FROM pg_catalog.pg_amop o\n"
                + "  LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = o.amopfamily\n"
                + "  LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod AND am.oid = o.amopmethod\n"
                + "  LEFT JOIN pg_catalog.pg_namespace nsf ON of.opfnamespace = nsf.oid\n");
        if (verbose) sql.append("  LEFT JOIN pg_catalog.pg_opfamily ofs ON ofs.oid = o.amopsortfamily\n");
        String am = amCondition(amPattern);
        sql.append(am);
        if (familyPattern != null) {
            sql.append(NamePattern.where(familyPattern, !am.isEmpty(), false, "nsf.nspname", "of.opfname", null, null, 3,
                    database));
        }
        return sql.append("ORDER BY 1, 2,\n"
                + "  o.amoplefttype = o.amoprighttype DESC,\n"
                + "  pg_catalog.format_type(o.amoplefttype, NULL),\n"
                + "  pg_catalog.format_type(o.amoprighttype, NULL),\n"
                + "  o.amopstrategy;").toString();
    }

    String familyFunctions(String amPattern, String familyPattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  am.amname AS \"AM\",\n"
                + "  CASE\n"
                + "    WHEN pg_catalog.pg_opfamily_is_visible(of.oid)\n"
                + "    THEN pg_catalog.format('%I', of.opfname)\n"
                + "    ELSE pg_catalog.format('%I.%I', ns.nspname, of.opfname)\n"
                + "  END AS \"Operator family\",\n"
                + "  pg_catalog.format_type(ap.amproclefttype, NULL) AS \"Registered left type\",\n"
                + "  pg_catalog.format_type(ap.amprocrighttype, NULL) AS \"Registered right type\",\n"
                + "  ap.amprocnum AS \"Number\"\n");
        sql.append(verbose ? ", ap.amproc::pg_catalog.regprocedure AS \"Function\"\n" : ", p.proname AS \"Function\"\n");
        sql.append("FROM pg_catalog.pg_amproc ap\n"
                + "  LEFT JOIN pg_catalog.pg_opfamily of ON of.oid = ap.amprocfamily\n"
                + "  LEFT JOIN pg_catalog.pg_am am ON am.oid = of.opfmethod\n"
                + "  LEFT JOIN pg_catalog.pg_namespace ns ON of.opfnamespace = ns.oid\n"
                + "  LEFT JOIN pg_catalog.pg_proc p ON ap.amproc = p.oid\n");
        String am = amCondition(amPattern);
        sql.append(am);
        if (familyPattern != null) {
            sql.append(NamePattern.where(familyPattern, !am.isEmpty(), false, "ns.nspname", "of.opfname", null, null, 3,
                    database));
        }
        return sql.append("ORDER BY 1, 2,\n"
                + "  ap.amproclefttype = ap.amprocrighttype DESC,\n"
                + "  3, 4, 5;").toString();
    }

    /** The access-method pattern's condition, empty when it selects every method. */
    private String amCondition(String amPattern) throws DescribeException {
        return amPattern == null ? "" : NamePattern.where(amPattern, false, false, null, "am.amname", null, null, 1, database);
    }
}
