package org.shardprep.shell.describe;

/**
 * The catalog queries of psql 15's describe.c, one method a query, text for text as psql 15 sends them to a
 * server of version 12 or later (so an error reads the same, caret and all). Where a newer server's catalog has
 * changed under psql 15 (\l on 16 and later), the query follows the server's version as psql 17's describe.c
 * does. Patterns go through {@link NamePattern}; {@code database} is the connection's database, which a
 * three-part pattern must name.
 */
final class DescribeQueries {

    private static final String RELKIND_NAMES = "  CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view'"
            + " WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence'"
            + " WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table'"
            + " WHEN 'I' THEN 'partitioned index' END as \"Type\",\n";

    private final String database;
    private final boolean hideTableAm;
    private final boolean hideCompression;

    /**
     * @param hideTableAm     psql's HIDE_TABLEAM: no access method in \d+ and the \dt+ family
     * @param hideCompression psql's HIDE_TOAST_COMPRESSION: no Compression column in \d+
     */
    DescribeQueries(String database, boolean hideTableAm, boolean hideCompression) {
        this.database = database;
        this.hideTableAm = hideTableAm;
        this.hideCompression = hideCompression;
    }

    boolean hidesTableAm() { return hideTableAm; }

    /** Whether \d+ of this kind of relation has psql's Compression column. */
    boolean showsCompression(char relkind) {
        return !hideCompression && TableDescription.showsCompression(relkind);
    }

    /** listTables: \d without a pattern, \dt \di \ds \dv \dm \dE and their combinations. */
    String listTables(String tabTypes, String pattern, boolean verbose, boolean system) throws DescribeException {
        boolean tables = tabTypes.indexOf('t') >= 0;
        boolean indexes = tabTypes.indexOf('i') >= 0;
        boolean views = tabTypes.indexOf('v') >= 0;
        boolean matViews = tabTypes.indexOf('m') >= 0;
        boolean sequences = tabTypes.indexOf('s') >= 0;
        boolean foreign = tabTypes.indexOf('E') >= 0;
        if (!(tables || indexes || views || matViews || sequences || foreign)) {
            tables = views = matViews = sequences = foreign = true;
        }
        boolean accessMethod = !hideTableAm && (tables || matViews || indexes);
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n")
                .append(RELKIND_NAMES)
                .append("  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"");
        if (indexes) sql.append(",\n  c2.relname as \"Table\"");
        if (verbose) {
            sql.append(",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary'"
                    + " WHEN 'u' THEN 'unlogged' END as \"Persistence\"");
            if (accessMethod) sql.append(",\n  am.amname as \"Access method\"");
            sql.append(",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\"")
                    .append(",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace");
        if (accessMethod) sql.append("\n     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam");
        if (indexes) {
            sql.append("\n     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid")
                    .append("\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid");
        }
        sql.append("\nWHERE c.relkind IN (");
        boolean wide = system || pattern != null;   // with S or a pattern TOAST and special relations count too
        if (tables) sql.append(wide ? "'r','p','t'," : "'r','p',");
        if (views) sql.append("'v',");
        if (matViews) sql.append("'m',");
        if (sequences) sql.append("'S',");
        if (wide) sql.append("'s',");
        if (foreign) sql.append("'f',");
        if (indexes) sql.append("'i','I',");
        sql.append("'')\n");
        if (!wide) {
            sql.append("      AND n.nspname <> 'pg_catalog'\n"
                    + "      AND n.nspname !~ '^pg_toast'\n"
                    + "      AND n.nspname <> 'information_schema'\n");
        }
        sql.append(NamePattern.where(pattern, true, false, "n.nspname", "c.relname", null,
                "pg_catalog.pg_table_is_visible(c.oid)", 3, database));
        return sql.append("ORDER BY 1,2;").toString();
    }

    /** describeTableDetails: the relations a \d pattern names. */
    String findRelations(String pattern, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT c.oid,\n  n.nspname,\n  c.relname\n"
                + "FROM pg_catalog.pg_class c\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n");
        boolean hideSystem = !system && pattern == null;
        if (hideSystem) {
            sql.append("WHERE n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        }
        sql.append(NamePattern.where(pattern, hideSystem, false, "n.nspname", "c.relname", null,
                "pg_catalog.pg_table_is_visible(c.oid)", 3, database));
        return sql.append("ORDER BY 2, 3;").toString();
    }

    /** describeFunctions: \df[anptw][S+], with psql 14's argument-type patterns (see {@link TypePatterns}). */
    String functions(String funcTypes, String pattern, java.util.List<String> argPatterns, boolean verbose, boolean system)
            throws DescribeException {
        boolean aggregates = funcTypes.indexOf('a') >= 0;
        boolean normal = funcTypes.indexOf('n') >= 0;
        boolean procedures = funcTypes.indexOf('p') >= 0;
        boolean triggers = funcTypes.indexOf('t') >= 0;
        boolean windows = funcTypes.indexOf('w') >= 0;
        if (!(aggregates || normal || procedures || triggers || windows)) {
            aggregates = normal = procedures = triggers = windows = true;
        }
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n  p.proname as \"Name\",\n"
                + "  pg_catalog.pg_get_function_result(p.oid) as \"Result data type\",\n"
                + "  pg_catalog.pg_get_function_arguments(p.oid) as \"Argument data types\",\n"
                + " CASE p.prokind\n  WHEN 'a' THEN 'agg'\n  WHEN 'w' THEN 'window'\n  WHEN 'p' THEN 'proc'\n"
                + "  ELSE 'func'\n END as \"Type\"");
        if (verbose) {
            sql.append(",\n CASE\n  WHEN p.provolatile = 'i' THEN 'immutable'\n"
                    + "  WHEN p.provolatile = 's' THEN 'stable'\n  WHEN p.provolatile = 'v' THEN 'volatile'\n"
                    + " END as \"Volatility\"")
                    .append(",\n CASE\n  WHEN p.proparallel = 'r' THEN 'restricted'\n"
                            + "  WHEN p.proparallel = 's' THEN 'safe'\n  WHEN p.proparallel = 'u' THEN 'unsafe'\n"
                            + " END as \"Parallel\"")
                    .append(",\n pg_catalog.pg_get_userbyid(p.proowner) as \"Owner\"")
                    .append(",\n CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS \"Security\"")
                    .append(",\n ").append(aclColumn("p.proacl"))
                    .append(",\n l.lanname as \"Language\"")
                    .append(",\n COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) as \"Source code\"")
                    .append(",\n pg_catalog.obj_description(p.oid, 'pg_proc') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n");
        for (int i = 0; i < argPatterns.size(); i++) {
            sql.append("     LEFT JOIN pg_catalog.pg_type t").append(i).append(" ON t").append(i)
                    .append(".oid = p.proargtypes[").append(i).append("]\n")
                    .append("     LEFT JOIN pg_catalog.pg_namespace nt").append(i).append(" ON nt").append(i)
                    .append(".oid = t").append(i).append(".typnamespace\n");
        }
        if (verbose) sql.append("     LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n");
        boolean haveWhere = false;
        if (normal && aggregates && procedures && triggers && windows) {
            // every kind: no filter
        } else if (normal) {
            if (!aggregates) {
                sql.append(haveWhere ? "      AND " : "WHERE ").append("p.prokind <> 'a'\n");
                haveWhere = true;
            }
            if (!procedures) {
                sql.append(haveWhere ? "      AND " : "WHERE ").append("p.prokind <> 'p'\n");
                haveWhere = true;
            }
            if (!triggers) {
                sql.append(haveWhere ? "      AND " : "WHERE ")
                        .append("p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype\n");
                haveWhere = true;
            }
            if (!windows) {
                sql.append(haveWhere ? "      AND " : "WHERE ").append("p.prokind <> 'w'\n");
                haveWhere = true;
            }
        } else {
            sql.append("WHERE (\n       ");
            haveWhere = true;
            boolean needsOr = false;
            if (aggregates) {
                sql.append("p.prokind = 'a'\n");
                needsOr = true;
            }
            if (triggers) {
                if (needsOr) sql.append("       OR ");
                sql.append("p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype\n");
                needsOr = true;
            }
            if (procedures) {
                if (needsOr) sql.append("       OR ");
                sql.append("p.prokind = 'p'\n");
                needsOr = true;
            }
            if (windows) {
                if (needsOr) sql.append("       OR ");
                sql.append("p.prokind = 'w'\n");
            }
            sql.append("      )\n");
        }
        sql.append(NamePattern.where(pattern, haveWhere, false, "n.nspname", "p.proname", null,
                "pg_catalog.pg_function_is_visible(p.oid)", 3, database));
        sql.append(TypePatterns.argumentConditions(argPatterns, database));
        if (!system && pattern == null) {
            sql.append("      AND n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n");
        }
        return sql.append("ORDER BY 1, 2, 4;").toString();
    }

    /** listSchemas: \dn[S+]. */
    String schemas(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname AS \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"");
        if (verbose) {
            sql.append(",\n  ").append(aclColumn("n.nspacl"))
                    .append(",\n  pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_namespace n\n");
        boolean hideSystem = !system && pattern == null;
        if (hideSystem) sql.append("WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n");
        sql.append(NamePattern.where(pattern, hideSystem, false, null, "n.nspname", null, null, 2, database));
        return sql.append("ORDER BY 1;").toString();
    }

    /**
     * listSchemas with a pattern: the publications of the schema named exactly so. psql pastes the pattern in
     * unquoted; we quote it, so a pattern with a quote finds nothing instead of failing.
     */
    String schemaPublications(String pattern) {
        return "SELECT pubname \nFROM pg_catalog.pg_publication p\n"
                + "     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n"
                + "     JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid \n"
                + "WHERE n.nspname = " + NamePattern.literal(pattern) + "\nORDER BY 1";
    }

    /** describeRoles: \du and \dg. */
    String roles(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT r.rolname, r.rolsuper, r.rolinherit,\n"
                + "  r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,\n"
                + "  r.rolconnlimit, r.rolvaliduntil,\n"
                + "  ARRAY(SELECT b.rolname\n"
                + "        FROM pg_catalog.pg_auth_members m\n"
                + "        JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)\n"
                + "        WHERE m.member = r.oid) as memberof");
        if (verbose) sql.append("\n, pg_catalog.shobj_description(r.oid, 'pg_authid') AS description");
        sql.append("\n, r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n");
        if (!system && pattern == null) sql.append("WHERE r.rolname !~ '^pg_'\n");
        sql.append(NamePattern.where(pattern, false, false, null, "r.rolname", null, null, 1, database));
        return sql.append("ORDER BY 1;").toString();
    }

    /**
     * listAllDbs: \l[+]. Up to PostgreSQL 15, psql 15's query and columns. From 16 on, pg_database has what psql 15
     * cannot read (ICU rules in 16; in 17 the builtin provider, and daticulocale renamed datlocale), so psql 17's
     * listAllDbs, which follows those versions: its columns, in its order.
     */
    String databases(String pattern, boolean verbose, int serverVersion) throws DescribeException {
        StringBuilder sql = serverVersion >= 160000 ? databaseColumns17(serverVersion) : databaseColumns15(serverVersion);
        if (verbose) {
            String indent = serverVersion >= 160000 ? "  " : "       ";
            sql.append(",\n").append(indent).append("CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')\n")
                    .append(indent).append("     THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))\n")
                    .append(indent).append("     ELSE 'No Access'\n")
                    .append(indent).append("END as \"Size\"")
                    .append(",\n").append(indent).append("t.spcname as \"Tablespace\"")
                    .append(",\n").append(indent).append("pg_catalog.shobj_description(d.oid, 'pg_database') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_database d\n");
        if (verbose) sql.append("  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n");
        sql.append(NamePattern.where(pattern, false, false, null, "d.datname", null, null, 1, database));
        return sql.append("ORDER BY 1;").toString();
    }

    /** psql 15's columns of \l. */
    private static StringBuilder databaseColumns15(int serverVersion) {
        StringBuilder sql = new StringBuilder("SELECT d.datname as \"Name\",\n"
                + "       pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\",\n"
                + "       pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\",\n"
                + "       d.datcollate as \"Collate\",\n"
                + "       d.datctype as \"Ctype\",\n");
        if (serverVersion >= 150000) {
            sql.append("       d.daticulocale as \"ICU Locale\",\n"
                    + "       CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n");
        } else {
            sql.append("       NULL as \"ICU Locale\",\n       'libc' AS \"Locale Provider\",\n");
        }
        return sql.append("       ").append(aclColumn("d.datacl"));
    }

    /** psql 17's columns of \l, for a server of 16 or later. */
    private static StringBuilder databaseColumns17(int serverVersion) {
        return new StringBuilder("SELECT\n"
                + "  d.datname as \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\",\n"
                + "  pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\",\n"
                + "  CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n"
                + "  d.datcollate as \"Collate\",\n"
                + "  d.datctype as \"Ctype\",\n")
                .append(serverVersion >= 170000 ? "  d.datlocale as \"Locale\",\n" : "  d.daticulocale as \"Locale\",\n")
                .append("  d.daticurules as \"ICU Rules\",\n")
                .append("  ").append(aclColumn("d.datacl"));
    }

    /** listExtensions: \dx. */
    String extensions(String pattern) throws DescribeException {
        return "SELECT e.extname AS \"Name\", e.extversion AS \"Version\", n.nspname AS \"Schema\","
                + " c.description AS \"Description\"\n"
                + "FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
                + " LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid"
                + " AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass\n"
                + NamePattern.where(pattern, false, false, null, "e.extname", null, null, 1, database)
                + "ORDER BY 1;";
    }

    /** listExtensionContents: the extensions \dx+ describes. */
    String findExtensions(String pattern) throws DescribeException {
        return "SELECT e.extname, e.oid\nFROM pg_catalog.pg_extension e\n"
                + NamePattern.where(pattern, false, false, null, "e.extname", null, null, 1, database)
                + "ORDER BY 1;";
    }

    /** listOneExtensionContents. */
    String extensionObjects(String oid) {
        return "SELECT pg_catalog.pg_describe_object(classid, objid, 0) AS \"Object description\"\n"
                + "FROM pg_catalog.pg_depend\n"
                + "WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND refobjid = '" + oid
                + "' AND deptype = 'e'\nORDER BY 1;";
    }

    // ---- describeOneTableDetails

    String tableInfo(String oid, boolean verbose) {
        return "SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, c.relrowsecurity,"
                + " c.relforcerowsecurity, false AS relhasoids, c.relispartition, "
                + (verbose ? "pg_catalog.array_to_string(c.reloptions || array(select 'toast.' || x from"
                + " pg_catalog.unnest(tc.reloptions) x), ', ')\n" : "''")
                + ", c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE"
                + " c.reloftype::pg_catalog.regtype::pg_catalog.text END, c.relpersistence, c.relreplident, am.amname\n"
                + "FROM pg_catalog.pg_class c\n LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)\n"
                + "LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)\nWHERE c.oid = '" + oid + "';";
    }

    /** The column query; which columns it has depends on the relation kind (see {@link TableDescription}). */
    String columns(String oid, char relkind, boolean verbose) {
        StringBuilder sql = new StringBuilder("SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod)");
        if (TableDescription.showsColumnDetails(relkind)) {
            sql.append(",\n  (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)"
                    + "\n   FROM pg_catalog.pg_attrdef d"
                    + "\n   WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef)"
                    + ",\n  a.attnotnull"
                    + ",\n  (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t\n"
                    + "   WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation)"
                    + " AS attcollation"
                    + ",\n  a.attidentity"
                    + ",\n  a.attgenerated");
        }
        if (TableDescription.isIndex(relkind)) {
            sql.append(",\n  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = '")
                    .append(oid).append("') THEN 'yes' ELSE 'no' END AS is_key")
                    .append(",\n  pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef");
        }
        if (relkind == 'f') {
            sql.append(",\n  CASE WHEN attfdwoptions IS NULL THEN '' ELSE "
                    + "  '(' || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' ||"
                    + " pg_catalog.quote_literal(option_value)  FROM "
                    + "  pg_catalog.pg_options_to_table(attfdwoptions)), ', ') || ')' END AS attfdwoptions");
        }
        if (verbose) {
            sql.append(",\n  a.attstorage");
            if (showsCompression(relkind)) sql.append(",\n  a.attcompression AS attcompression");
            if (TableDescription.showsStatsTarget(relkind)) {
                sql.append(",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget");
            }
            if (TableDescription.showsColumnComments(relkind)) {
                sql.append(",\n  pg_catalog.col_description(a.attrelid, a.attnum)");
            }
        }
        return sql.append("\nFROM pg_catalog.pg_attribute a")
                .append("\nWHERE a.attrelid = '").append(oid).append("' AND a.attnum > 0 AND NOT a.attisdropped")
                .append("\nORDER BY a.attnum;").toString();
    }

    String sequence(String oid) {
        return "SELECT pg_catalog.format_type(seqtypid, NULL) AS \"Type\",\n"
                + "       seqstart AS \"Start\",\n"
                + "       seqmin AS \"Minimum\",\n"
                + "       seqmax AS \"Maximum\",\n"
                + "       seqincrement AS \"Increment\",\n"
                + "       CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS \"Cycles?\",\n"
                + "       seqcache AS \"Cache\"\n"
                + "FROM pg_catalog.pg_sequence\n"
                + "WHERE seqrelid = '" + oid + "';";
    }

    String sequenceOwner(String oid) {
        return "SELECT pg_catalog.quote_ident(nspname) || '.' ||\n"
                + "   pg_catalog.quote_ident(relname) || '.' ||\n"
                + "   pg_catalog.quote_ident(attname),\n"
                + "   d.deptype\n"
                + "FROM pg_catalog.pg_class c\n"
                + "INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid\n"
                + "INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace\n"
                + "INNER JOIN pg_catalog.pg_attribute a ON (\n"
                + " a.attrelid=c.oid AND\n"
                + " a.attnum=d.refobjsubid)\n"
                + "WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass\n"
                + " AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass\n"
                + " AND d.objid='" + oid + "'\n"
                + " AND d.deptype IN ('a', 'i')";
    }

    String indexInfo(String oid) {
        String constraint = "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid AND "
                + "conindid = i.indexrelid AND contype IN ('p','u','x') AND ";
        return "SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,\n"
                + "  (NOT i.indimmediate) AND " + constraint + "condeferrable) AS condeferrable,\n"
                + "  (NOT i.indimmediate) AND " + constraint + "condeferred) AS condeferred,\n"
                + "i.indisreplident,\n"
                + "i.indnullsnotdistinct,\n"
                + "  a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)\n"
                + "FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a\n"
                + "WHERE i.indexrelid = c.oid AND c.oid = '" + oid + "' AND c.relam = a.oid\n"
                + "AND i.indrelid = c2.oid;";
    }

    String tableIndexes(String oid) {
        return "SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid,"
                + " pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),\n"
                + "  pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred,"
                + " i.indisreplident, c2.reltablespace\n"
                + "FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i\n"
                + "  LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid"
                + " AND contype IN ('p','u','x'))\n"
                + "WHERE c.oid = '" + oid + "' AND c.oid = i.indrelid AND i.indexrelid = c2.oid\n"
                + "ORDER BY i.indisprimary DESC, c2.relname;";
    }

    String checkConstraints(String oid) {
        return "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)\n"
                + "FROM pg_catalog.pg_constraint r\n"
                + "WHERE r.conrelid = '" + oid + "' AND r.contype = 'c'\n"
                + "ORDER BY 1;";
    }

    String foreignKeys(String oid) {
        return "SELECT true as sametable, conname,\n"
                + "  pg_catalog.pg_get_constraintdef(r.oid, true) as condef,\n"
                + "  conrelid::pg_catalog.regclass AS ontable\n"
                + "FROM pg_catalog.pg_constraint r\n"
                + "WHERE r.conrelid = '" + oid + "' AND r.contype = 'f'\n"
                + "     AND conparentid = 0\n"
                + "ORDER BY conname";
    }

    /** Foreign keys of a partition or partitioned table: its own first, then those of its ancestors. */
    String partitionForeignKeys(String oid) {
        return "SELECT conrelid = '" + oid + "'::pg_catalog.regclass AS sametable,\n"
                + "       conname,\n"
                + "       pg_catalog.pg_get_constraintdef(oid, true) AS condef,\n"
                + "       conrelid::pg_catalog.regclass AS ontable\n"
                + "  FROM pg_catalog.pg_constraint,\n"
                + "       pg_catalog.pg_partition_ancestors('" + oid + "')\n"
                + " WHERE conrelid = relid AND contype = 'f' AND conparentid = 0\n"
                + "ORDER BY sametable DESC, conname;";
    }

    String referencedBy(String oid) {
        return "SELECT conname, conrelid::pg_catalog.regclass AS ontable,\n"
                + "       pg_catalog.pg_get_constraintdef(oid, true) AS condef\n"
                + "  FROM pg_catalog.pg_constraint c\n"
                + " WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors('" + oid + "')\n"
                + "                     UNION ALL VALUES ('" + oid + "'::pg_catalog.regclass))\n"
                + "       AND contype = 'f' AND conparentid = 0\n"
                + "ORDER BY conname;";
    }

    String policies(String oid) {
        return "SELECT pol.polname, pol.polpermissive,\n"
                + "  CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname"
                + " from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,\n"
                + "  pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),\n"
                + "  pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),\n"
                + "  CASE pol.polcmd\n"
                + "    WHEN 'r' THEN 'SELECT'\n"
                + "    WHEN 'a' THEN 'INSERT'\n"
                + "    WHEN 'w' THEN 'UPDATE'\n"
                + "    WHEN 'd' THEN 'DELETE'\n"
                + "    END AS cmd\n"
                + "FROM pg_catalog.pg_policy pol\n"
                + "WHERE pol.polrelid = '" + oid + "' ORDER BY 1;";
    }

    String statistics(String oid) {
        return "SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text"
                + " AS nsp, stxname,\n"
                + "pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,\n"
                + "  'd' = any(stxkind) AS ndist_enabled,\n"
                + "  'f' = any(stxkind) AS deps_enabled,\n"
                + "  'm' = any(stxkind) AS mcv_enabled,\n"
                + "stxstattarget\n"
                + "FROM pg_catalog.pg_statistic_ext\n"
                + "WHERE stxrelid = '" + oid + "'\n"
                + "ORDER BY nsp, stxname;";
    }

    String publications(String oid) {
        return "SELECT pubname\n     , NULL\n     , NULL\n"
                + "FROM pg_catalog.pg_publication p\n"
                + "     JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n"
                + "     JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid\n"
                + "WHERE pc.oid ='" + oid + "' and pg_catalog.pg_relation_is_publishable('" + oid + "')\n"
                + "UNION\n"
                + "SELECT pubname\n     , pg_get_expr(pr.prqual, c.oid)\n"
                + "     , (CASE WHEN pr.prattrs IS NOT NULL THEN\n"
                + "         (SELECT string_agg(attname, ', ')\n"
                + "           FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,\n"
                + "                pg_catalog.pg_attribute\n"
                + "          WHERE attrelid = pr.prrelid AND attnum = prattrs[s])\n"
                + "        ELSE NULL END) FROM pg_catalog.pg_publication p\n"
                + "     JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid\n"
                + "     JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid\n"
                + "WHERE pr.prrelid = '" + oid + "'\n"
                + "UNION\n"
                + "SELECT pubname\n     , NULL\n     , NULL\n"
                + "FROM pg_catalog.pg_publication p\n"
                + "WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable('" + oid + "')\n"
                + "ORDER BY 1;";
    }

    String viewDefinition(String oid) {
        return "SELECT pg_catalog.pg_get_viewdef('" + oid + "'::pg_catalog.oid, true);";
    }

    String viewRules(String oid) {
        return "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))\n"
                + "FROM pg_catalog.pg_rewrite r\n"
                + "WHERE r.ev_class = '" + oid + "' AND r.rulename != '_RETURN' ORDER BY 1;";
    }

    String triggers(String oid) {
        return "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n"
                + "  CASE WHEN t.tgparentid != 0 THEN\n"
                + "    (SELECT u.tgrelid::pg_catalog.regclass\n"
                + "     FROM pg_catalog.pg_trigger AS u,\n"
                + "          pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)\n"
                + "     WHERE u.tgname = t.tgname AND u.tgrelid = a.relid\n"
                + "           AND u.tgparentid = 0\n"
                + "     ORDER BY a.depth LIMIT 1)\n"
                + "  END AS parent\n"
                + "FROM pg_catalog.pg_trigger t\n"
                + "WHERE t.tgrelid = '" + oid + "' AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))\n"
                + "ORDER BY 1;";
    }

    String inheritsFrom(String oid) {
        return "SELECT c.oid::pg_catalog.regclass\n"
                + "FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n"
                + "WHERE c.oid = i.inhparent AND i.inhrelid = '" + oid + "'\n"
                + "  AND c.relkind != 'p' AND c.relkind != 'I'\n"
                + "ORDER BY inhseqno;";
    }

    String children(String oid) {
        return "SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending,"
                + " pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n"
                + "FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n"
                + "WHERE c.oid = i.inhrelid AND i.inhparent = '" + oid + "'\n"
                + "ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT',"
                + " c.oid::pg_catalog.regclass::pg_catalog.text;";
    }

    String partitionOf(String oid, boolean verbose) {
        return "SELECT inhparent::pg_catalog.regclass,\n"
                + "  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n  inhdetachpending"
                + (verbose ? ",\n  pg_catalog.pg_get_partition_constraintdef(c.oid)" : "")
                + "\nFROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid"
                + "\nWHERE c.oid = '" + oid + "';";
    }

    String tableRules(String oid) {
        return "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled\n"
                + "FROM pg_catalog.pg_rewrite r\n"
                + "WHERE r.ev_class = '" + oid + "' ORDER BY 1;";
    }

    String partitionKey(String oid) {
        return "SELECT pg_catalog.pg_get_partkeydef('" + oid + "'::pg_catalog.oid);";
    }

    /** The table a TOAST table belongs to. */
    String toastOwner(String oid) {
        return "SELECT n.nspname, c.relname\n"
                + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                + "WHERE reltoastrelid = '" + oid + "';";
    }

    String tablespace(String tablespaceOid) {
        return "SELECT spcname FROM pg_catalog.pg_tablespace\nWHERE oid = '" + tablespaceOid + "';";
    }

    /** psql's printACLColumn. */
    private static String aclColumn(String column) {
        return "pg_catalog.array_to_string(" + column + ", E'\\n') AS \"Access privileges\"";
    }
}
