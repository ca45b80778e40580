package org.shardprep.shell.describe;

/** psql 15's permissionsList (\dp, \z) and listDefaultACLs (\ddp). */
final class PrivilegeQueries {

    private final String database;

    PrivilegeQueries(String database) {
        this.database = database;
    }

    /** \dp and \z: tables, views, sequences; indexes and TOAST tables have no meaningful rights. */
    String relations(String pattern) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "  c.relname as \"Name\",\n"
                + "  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
                + " WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as \"Type\",\n"
                + "  pg_catalog.array_to_string(c.relacl, E'\\n') AS \"Access privileges\",\n"
                + "  pg_catalog.array_to_string(ARRAY(\n"
                + "    SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ')\n"
                + "    FROM pg_catalog.pg_attribute a\n"
                + "    WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL\n"
                + "  ), E'\\n') AS \"Column privileges\",\n"
                + "  pg_catalog.array_to_string(ARRAY(\n"
                + "    SELECT polname\n"
                + "    || CASE WHEN NOT polpermissive THEN\n"
                + "       E' (RESTRICTIVE)'\n"
                + "       ELSE '' END\n"
                + "    || CASE WHEN polcmd != '*' THEN\n"
                + "           E' (' || polcmd::pg_catalog.text || E'):'\n"
                + "       ELSE E':'\n"
                + "       END\n"
                + "    || CASE WHEN polqual IS NOT NULL THEN\n"
                + "           E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid)\n"
                + "       ELSE E''\n"
                + "       END\n"
                + "    || CASE WHEN polwithcheck IS NOT NULL THEN\n"
                + "           E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid)\n"
                + "       ELSE E''\n"
                + "       END"
                + "    || CASE WHEN polroles <> '{0}' THEN\n"
                + "           E'\\n  to: ' || pg_catalog.array_to_string(\n"
                + "               ARRAY(\n"
                + "                   SELECT rolname\n"
                + "                   FROM pg_catalog.pg_roles\n"
                + "                   WHERE oid = ANY (polroles)\n"
                + "                   ORDER BY 1\n"
                + "               ), E', ')\n"
                + "       ELSE E''\n"
                + "       END\n"
                + "    FROM pg_catalog.pg_policy pol\n"
                + "    WHERE polrelid = c.oid), E'\\n')\n"
                + "    AS \"Policies\"\n"
                + "FROM pg_catalog.pg_class c\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                + "WHERE c.relkind IN ('r','v','m','S','f','p')\n");
        sql.append(NamePattern.where(pattern, true, false, "n.nspname", "c.relname", null,
                "n.nspname !~ '^pg_' AND pg_catalog.pg_table_is_visible(c.oid)", 3, database));
        return sql.append("ORDER BY 1, 2;").toString();
    }

    /** \ddp: the pattern matches the schema or the owning role. */
    String defaults(String pattern) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT pg_catalog.pg_get_userbyid(d.defaclrole) AS \"Owner\",\n"
                + "  n.nspname AS \"Schema\",\n"
                + "  CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function'"
                + " WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' END AS \"Type\",\n"
                + "  pg_catalog.array_to_string(d.defaclacl, E'\\n') AS \"Access privileges\"\n"
                + "FROM pg_catalog.pg_default_acl d\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace\n");
        sql.append(NamePattern.where(pattern, false, false, null, "n.nspname",
                "pg_catalog.pg_get_userbyid(d.defaclrole)", null, 3, database));
        return sql.append("ORDER BY 1, 2, 3;").toString();
    }
}
