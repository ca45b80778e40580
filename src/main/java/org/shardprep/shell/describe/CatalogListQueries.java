package org.shardprep.shell.describe;

/**
 * The catalog queries of psql 15's one-query list commands in describe.c ({@code \da \db \dc \dC \dd \dD \des \dew
 * \det \deu \dF \dFd \dFp \dFt \dL \dO \drds \dRp \dRs \dX \dy \dl}), text for text as psql 15 sends them to a server
 * of version 15 or later, so an error reads the same, caret and all. Where psql 15 cannot read a newer catalog
 * (\dO on 17, whose pg_collation renamed colliculocale), the query follows that server as psql 17 does.
 * Each method also names psql's title for the table.
 */
final class CatalogListQueries {

    /** One list: psql's title and the query whose result it prints. */
    record ListQuery(String title, String sql) {
    }

    private static final String NOT_SYSTEM = "      AND n.nspname <> 'pg_catalog'\n"
            + "      AND n.nspname <> 'information_schema'\n";

    private final String database;
    private final int serverVersion;

    CatalogListQueries(String database, int serverVersion) {
        this.database = database;
        this.serverVersion = serverVersion;
    }

    /** describeAggregates: \da[S]. */
    ListQuery aggregates(String pattern, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "  p.proname AS \"Name\",\n"
                + "  pg_catalog.format_type(p.prorettype, NULL) AS \"Result data type\",\n"
                + "  CASE WHEN p.pronargs = 0\n"
                + "    THEN CAST('*' AS pg_catalog.text)\n"
                + "    ELSE pg_catalog.pg_get_function_arguments(p.oid)\n"
                + "  END AS \"Argument data types\",\n"
                + "  pg_catalog.obj_description(p.oid, 'pg_proc') as \"Description\"\n"
                + "FROM pg_catalog.pg_proc p\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
                + "WHERE p.prokind = 'a'\n");
        if (!system && pattern == null) sql.append(NOT_SYSTEM);
        sql.append(where(pattern, true, "n.nspname", "p.proname", null, "pg_catalog.pg_function_is_visible(p.oid)", 3));
        return new ListQuery("List of aggregate functions", sql.append("ORDER BY 1, 2, 4;").toString());
    }

    /** describeTablespaces: \db[+]. */
    ListQuery tablespaces(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT spcname AS \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(spcowner) AS \"Owner\",\n"
                + "  pg_catalog.pg_tablespace_location(oid) AS \"Location\"");
        if (verbose) {
            sql.append(",\n  ").append(acl("spcacl"))
                    .append(",\n  spcoptions AS \"Options\"")
                    .append(",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_tablespace_size(oid)) AS \"Size\"")
                    .append(",\n  pg_catalog.shobj_description(oid, 'pg_tablespace') AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_tablespace\n")
                .append(where(pattern, false, null, "spcname", null, null, 1));
        return new ListQuery("List of tablespaces", sql.append("ORDER BY 1;").toString());
    }

    /** listConversions: \dc[S+]. */
    ListQuery conversions(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname AS \"Schema\",\n"
                + "       c.conname AS \"Name\",\n"
                + "       pg_catalog.pg_encoding_to_char(c.conforencoding) AS \"Source\",\n"
                + "       pg_catalog.pg_encoding_to_char(c.contoencoding) AS \"Destination\",\n"
                + "       CASE WHEN c.condefault THEN 'yes'\n"
                + "       ELSE 'no' END AS \"Default?\"");
        if (verbose) sql.append(",\n       d.description AS \"Description\"");
        sql.append("\nFROM pg_catalog.pg_conversion c\n"
                + "     JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace\n");
        if (verbose) {
            sql.append("LEFT JOIN pg_catalog.pg_description d ON d.classoid = c.tableoid\n"
                    + "          AND d.objoid = c.oid AND d.objsubid = 0\n");
        }
        sql.append("WHERE true\n");
        if (!system && pattern == null) {
            sql.append("  AND n.nspname <> 'pg_catalog'\n  AND n.nspname <> 'information_schema'\n");
        }
        sql.append(where(pattern, true, "n.nspname", "c.conname", null, "pg_catalog.pg_conversion_is_visible(c.oid)", 3));
        return new ListQuery("List of conversions", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listCasts: \dC[+]; the pattern matches the source or the target type, by either of its names. */
    ListQuery casts(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT pg_catalog.format_type(castsource, NULL) AS \"Source type\",\n"
                + "       pg_catalog.format_type(casttarget, NULL) AS \"Target type\",\n"
                + "       CASE WHEN c.castmethod = 'b' THEN '(binary coercible)'\n"
                + "            WHEN c.castmethod = 'i' THEN '(with inout)'\n"
                + "            ELSE p.proname\n"
                + "       END AS \"Function\",\n"
                + "       CASE WHEN c.castcontext = 'e' THEN 'no'\n"
                + "            WHEN c.castcontext = 'a' THEN 'in assignment'\n"
                + "            ELSE 'yes'\n"
                + "       END AS \"Implicit?\"");
        if (verbose) sql.append(",\n       d.description AS \"Description\"");
        sql.append("\nFROM pg_catalog.pg_cast c LEFT JOIN pg_catalog.pg_proc p\n"
                + "     ON c.castfunc = p.oid\n"
                + "     LEFT JOIN pg_catalog.pg_type ts\n"
                + "     ON c.castsource = ts.oid\n"
                + "     LEFT JOIN pg_catalog.pg_namespace ns\n"
                + "     ON ns.oid = ts.typnamespace\n"
                + "     LEFT JOIN pg_catalog.pg_type tt\n"
                + "     ON c.casttarget = tt.oid\n"
                + "     LEFT JOIN pg_catalog.pg_namespace nt\n"
                + "     ON nt.oid = tt.typnamespace\n");
        if (verbose) {
            sql.append("     LEFT JOIN pg_catalog.pg_description d\n"
                    + "     ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0\n");
        }
        sql.append("WHERE ( (true")
                .append(where(pattern, true, "ns.nspname", "ts.typname", "pg_catalog.format_type(ts.oid, NULL)",
                        "pg_catalog.pg_type_is_visible(ts.oid)", 3))
                .append(") OR (true")
                .append(where(pattern, true, "nt.nspname", "tt.typname", "pg_catalog.format_type(tt.oid, NULL)",
                        "pg_catalog.pg_type_is_visible(tt.oid)", 3))
                .append(") )\nORDER BY 1, 2;");
        return new ListQuery("List of casts", sql.toString());
    }

    /** objectDescription: \dd[S], the descriptions of constraints, operator classes and families, rules, triggers. */
    ListQuery descriptions(String pattern, boolean system) throws DescribeException {
        boolean hide = !system && pattern == null;
        String hideWhere = hide ? "WHERE n.nspname <> 'pg_catalog'\n      AND n.nspname <> 'information_schema'\n" : "";
        StringBuilder sql = new StringBuilder("SELECT DISTINCT tt.nspname AS \"Schema\", tt.name AS \"Name\","
                + " tt.object AS \"Object\", d.description AS \"Description\"\n"
                + "FROM (\n");
        sql.append("  SELECT pgc.oid as oid, pgc.tableoid AS tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(pgc.conname AS pg_catalog.text) as name,"
                        + "  CAST('table constraint' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_constraint pgc\n"
                        + "    JOIN pg_catalog.pg_class c ON c.oid = pgc.conrelid\n"
                        + "    LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = c.relnamespace\n")
                .append(hideWhere)
                .append(where(pattern, hide, "n.nspname", "pgc.conname", null, "pg_catalog.pg_table_is_visible(c.oid)", 3));
        sql.append("UNION ALL\n"
                        + "  SELECT pgc.oid as oid, pgc.tableoid AS tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(pgc.conname AS pg_catalog.text) as name,"
                        + "  CAST('domain constraint' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_constraint pgc\n"
                        + "    JOIN pg_catalog.pg_type t ON t.oid = pgc.contypid\n"
                        + "    LEFT JOIN pg_catalog.pg_namespace n     ON n.oid = t.typnamespace\n")
                .append(hideWhere)
                .append(where(pattern, hide, "n.nspname", "pgc.conname", null, "pg_catalog.pg_type_is_visible(t.oid)", 3));
        sql.append("UNION ALL\n"
                        + "  SELECT o.oid as oid, o.tableoid as tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(o.opcname AS pg_catalog.text) as name,\n"
                        + "  CAST('operator class' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_opclass o\n"
                        + "    JOIN pg_catalog.pg_am am ON o.opcmethod = am.oid\n"
                        + "    JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace\n")
                .append(hide ? NOT_SYSTEM : "")
                .append(where(pattern, true, "n.nspname", "o.opcname", null, "pg_catalog.pg_opclass_is_visible(o.oid)", 3));
        sql.append("UNION ALL\n"
                        + "  SELECT opf.oid as oid, opf.tableoid as tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(opf.opfname AS pg_catalog.text) AS name,\n"
                        + "  CAST('operator family' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_opfamily opf\n"
                        + "    JOIN pg_catalog.pg_am am ON opf.opfmethod = am.oid\n"
                        + "    JOIN pg_catalog.pg_namespace n ON opf.opfnamespace = n.oid\n")
                .append(hide ? NOT_SYSTEM : "")
                .append(where(pattern, true, "n.nspname", "opf.opfname", null, "pg_catalog.pg_opfamily_is_visible(opf.oid)", 3));
        sql.append("UNION ALL\n"
                        + "  SELECT r.oid as oid, r.tableoid as tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(r.rulename AS pg_catalog.text) as name,"
                        + "  CAST('rule' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_rewrite r\n"
                        + "       JOIN pg_catalog.pg_class c ON c.oid = r.ev_class\n"
                        + "       LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                        + "  WHERE r.rulename != '_RETURN'\n")
                .append(hide ? NOT_SYSTEM : "")
                .append(where(pattern, true, "n.nspname", "r.rulename", null, "pg_catalog.pg_table_is_visible(c.oid)", 3));
        sql.append("UNION ALL\n"
                        + "  SELECT t.oid as oid, t.tableoid as tableoid,\n"
                        + "  n.nspname as nspname,\n"
                        + "  CAST(t.tgname AS pg_catalog.text) as name,"
                        + "  CAST('trigger' AS pg_catalog.text) as object\n"
                        + "  FROM pg_catalog.pg_trigger t\n"
                        + "       JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid\n"
                        + "       LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n")
                .append(hideWhere)
                .append(where(pattern, hide, "n.nspname", "t.tgname", null, "pg_catalog.pg_table_is_visible(c.oid)", 3));
        sql.append(") AS tt\n"
                + "  JOIN pg_catalog.pg_description d ON (tt.oid = d.objoid AND tt.tableoid = d.classoid"
                + " AND d.objsubid = 0)\n"
                + "ORDER BY 1, 2, 3;");
        return new ListQuery("Object descriptions", sql.toString());
    }

    /** listDomains: \dD[S+]. */
    ListQuery domains(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "       t.typname as \"Name\",\n"
                + "       pg_catalog.format_type(t.typbasetype, t.typtypmod) as \"Type\",\n"
                + "       (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt\n"
                + "        WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype"
                + " AND t.typcollation <> bt.typcollation) as \"Collation\",\n"
                + "       CASE WHEN t.typnotnull THEN 'not null' END as \"Nullable\",\n"
                + "       t.typdefault as \"Default\",\n"
                + "       pg_catalog.array_to_string(ARRAY(\n"
                + "         SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r"
                + " WHERE t.oid = r.contypid\n"
                + "       ), ' ') as \"Check\"");
        if (verbose) {
            sql.append(",\n  ").append(acl("t.typacl"))
                    .append(",\n       d.description as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_type t\n"
                + "     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n");
        if (verbose) {
            sql.append("     LEFT JOIN pg_catalog.pg_description d ON d.classoid = t.tableoid AND d.objoid = t.oid"
                    + " AND d.objsubid = 0\n");
        }
        sql.append("WHERE t.typtype = 'd'\n");
        if (!system && pattern == null) sql.append(NOT_SYSTEM);
        sql.append(where(pattern, true, "n.nspname", "t.typname", null, "pg_catalog.pg_type_is_visible(t.oid)", 3));
        return new ListQuery("List of domains", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listForeignServers: \des[+]. */
    ListQuery foreignServers(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT s.srvname AS \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(s.srvowner) AS \"Owner\",\n"
                + "  f.fdwname AS \"Foreign-data wrapper\"");
        if (verbose) {
            sql.append(",\n  ").append(acl("s.srvacl"))
                    .append(",\n  s.srvtype AS \"Type\",\n"
                            + "  s.srvversion AS \"Version\",\n"
                            + "  ").append(options("srvoptions"))
                    .append(" AS \"FDW options\",\n  d.description AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_foreign_server s\n"
                + "     JOIN pg_catalog.pg_foreign_data_wrapper f ON f.oid=s.srvfdw\n");
        if (verbose) {
            sql.append("LEFT JOIN pg_catalog.pg_description d\n"
                    + "       ON d.classoid = s.tableoid AND d.objoid = s.oid AND d.objsubid = 0\n");
        }
        sql.append(where(pattern, false, null, "s.srvname", null, null, 1));
        return new ListQuery("List of foreign servers", sql.append("ORDER BY 1;").toString());
    }

    /** listForeignDataWrappers: \dew[+]. */
    ListQuery foreignDataWrappers(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT fdw.fdwname AS \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(fdw.fdwowner) AS \"Owner\",\n"
                + "  fdw.fdwhandler::pg_catalog.regproc AS \"Handler\",\n"
                + "  fdw.fdwvalidator::pg_catalog.regproc AS \"Validator\"");
        if (verbose) {
            sql.append(",\n  ").append(acl("fdwacl"))
                    .append(",\n ").append(options("fdwoptions")).append(" AS \"FDW options\"")
                    .append(",\n  d.description AS \"Description\" ");
        }
        sql.append("\nFROM pg_catalog.pg_foreign_data_wrapper fdw\n");
        if (verbose) {
            sql.append("LEFT JOIN pg_catalog.pg_description d\n"
                    + "       ON d.classoid = fdw.tableoid AND d.objoid = fdw.oid AND d.objsubid = 0\n");
        }
        sql.append(where(pattern, false, null, "fdwname", null, null, 1));
        return new ListQuery("List of foreign-data wrappers", sql.append("ORDER BY 1;").toString());
    }

    /** listForeignTables: \det[+]. */
    ListQuery foreignTables(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT n.nspname AS \"Schema\",\n"
                + "  c.relname AS \"Table\",\n"
                + "  s.srvname AS \"Server\"");
        if (verbose) {
            sql.append(",\n ").append(options("ftoptions")).append(" AS \"FDW options\"")
                    .append(",\n  d.description AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_foreign_table ft\n"
                + "  INNER JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid\n"
                + "  INNER JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
                + "  INNER JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver\n");
        if (verbose) {
            sql.append("   LEFT JOIN pg_catalog.pg_description d\n"
                    + "          ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0\n");
        }
        sql.append(where(pattern, false, "n.nspname", "c.relname", null, "pg_catalog.pg_table_is_visible(c.oid)", 3));
        return new ListQuery("List of foreign tables", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listUserMappings: \deu[+]; the pattern matches the server or the user. */
    ListQuery userMappings(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT um.srvname AS \"Server\",\n"
                + "  um.usename AS \"User name\"");
        if (verbose) sql.append(",\n ").append(options("umoptions")).append(" AS \"FDW options\"");
        sql.append("\nFROM pg_catalog.pg_user_mappings um\n")
                .append(where(pattern, false, null, "um.srvname", "um.usename", null, 1));
        return new ListQuery("List of user mappings", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listTSConfigs: \dF. */
    ListQuery textSearchConfigs(String pattern) throws DescribeException {
        String sql = "SELECT\n"
                + "   n.nspname as \"Schema\",\n"
                + "   c.cfgname as \"Name\",\n"
                + "   pg_catalog.obj_description(c.oid, 'pg_ts_config') as \"Description\"\n"
                + "FROM pg_catalog.pg_ts_config c\n"
                + "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace\n"
                + where(pattern, false, "n.nspname", "c.cfgname", null, "pg_catalog.pg_ts_config_is_visible(c.oid)", 3)
                + "ORDER BY 1, 2;";
        return new ListQuery("List of text search configurations", sql);
    }

    /** listTSConfigsVerbose: the configurations \dF+ describes (oid, name, schema, parser, parser's schema). */
    String findTextSearchConfigs(String pattern) throws DescribeException {
        return "SELECT c.oid, c.cfgname,\n"
                + "   n.nspname,\n"
                + "   p.prsname,\n"
                + "   np.nspname as pnspname\n"
                + "FROM pg_catalog.pg_ts_config c\n"
                + "   LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace,\n"
                + " pg_catalog.pg_ts_parser p\n"
                + "   LEFT JOIN pg_catalog.pg_namespace np ON np.oid = p.prsnamespace\n"
                + "WHERE  p.oid = c.cfgparser\n"
                + where(pattern, true, "n.nspname", "c.cfgname", null, "pg_catalog.pg_ts_config_is_visible(c.oid)", 3)
                + "ORDER BY 3, 2;";
    }

    /** describeOneTSConfig: a configuration's token types and their dictionaries. */
    String textSearchConfigMap(String oid) {
        return "SELECT\n"
                + "  ( SELECT t.alias FROM\n"
                + "    pg_catalog.ts_token_type(c.cfgparser) AS t\n"
                + "    WHERE t.tokid = m.maptokentype ) AS \"Token\",\n"
                + "  pg_catalog.btrim(\n"
                + "    ARRAY( SELECT mm.mapdict::pg_catalog.regdictionary\n"
                + "           FROM pg_catalog.pg_ts_config_map AS mm\n"
                + "           WHERE mm.mapcfg = m.mapcfg AND mm.maptokentype = m.maptokentype\n"
                + "           ORDER BY mapcfg, maptokentype, mapseqno\n"
                + "    ) :: pg_catalog.text,\n"
                + "  '{}') AS \"Dictionaries\"\n"
                + "FROM pg_catalog.pg_ts_config AS c, pg_catalog.pg_ts_config_map AS m\n"
                + "WHERE c.oid = '" + oid + "' AND m.mapcfg = c.oid\n"
                + "GROUP BY m.mapcfg, m.maptokentype, c.cfgparser\n"
                + "ORDER BY 1;";
    }

    /** listTSDictionaries: \dFd[+]. */
    ListQuery textSearchDictionaries(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  n.nspname as \"Schema\",\n"
                + "  d.dictname as \"Name\",\n");
        if (verbose) {
            sql.append("  ( SELECT COALESCE(nt.nspname, '(null)')::pg_catalog.text || '.' || t.tmplname FROM\n"
                    + "    pg_catalog.pg_ts_template t\n"
                    + "    LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = t.tmplnamespace\n"
                    + "    WHERE d.dicttemplate = t.oid ) AS  \"Template\",\n"
                    + "  d.dictinitoption as \"Init options\",\n");
        }
        sql.append("  pg_catalog.obj_description(d.oid, 'pg_ts_dict') as \"Description\"\n"
                        + "FROM pg_catalog.pg_ts_dict d\n"
                        + "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace\n")
                .append(where(pattern, false, "n.nspname", "d.dictname", null, "pg_catalog.pg_ts_dict_is_visible(d.oid)", 3));
        return new ListQuery("List of text search dictionaries", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listTSParsers: \dFp. */
    ListQuery textSearchParsers(String pattern) throws DescribeException {
        String sql = "SELECT\n"
                + "  n.nspname as \"Schema\",\n"
                + "  p.prsname as \"Name\",\n"
                + "  pg_catalog.obj_description(p.oid, 'pg_ts_parser') as \"Description\"\n"
                + "FROM pg_catalog.pg_ts_parser p\n"
                + "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace\n"
                + where(pattern, false, "n.nspname", "p.prsname", null, "pg_catalog.pg_ts_parser_is_visible(p.oid)", 3)
                + "ORDER BY 1, 2;";
        return new ListQuery("List of text search parsers", sql);
    }

    /** listTSParsersVerbose: the parsers \dFp+ describes (oid, schema, name). */
    String findTextSearchParsers(String pattern) throws DescribeException {
        return "SELECT p.oid,\n"
                + "  n.nspname,\n"
                + "  p.prsname\n"
                + "FROM pg_catalog.pg_ts_parser p\n"
                + "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace\n"
                + where(pattern, false, "n.nspname", "p.prsname", null, "pg_catalog.pg_ts_parser_is_visible(p.oid)", 3)
                + "ORDER BY 1, 2;";
    }

    /** describeOneTSParser: the parser's functions. */
    String textSearchParserMethods(String oid) {
        String[][] methods = {{"prsstart", "Start parse"}, {"prstoken", "Get next token"}, {"prsend", "End parse"},
                {"prsheadline", "Get headline"}, {"prslextype", "Get token types"}};
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < methods.length; i++) {
            String column = methods[i][0];
            if (i == 0) {
                sql.append("SELECT '").append(methods[i][1]).append("' AS \"Method\",\n")
                        .append("   p.").append(column).append("::pg_catalog.regproc AS \"Function\",\n")
                        .append("   pg_catalog.obj_description(p.").append(column).append(", 'pg_proc') as \"Description\"\n");
            } else {
                sql.append("UNION ALL\nSELECT '").append(methods[i][1]).append("',\n")
                        .append("   p.").append(column).append("::pg_catalog.regproc,\n")
                        .append("   pg_catalog.obj_description(p.").append(column).append(", 'pg_proc')\n");
            }
            sql.append(" FROM pg_catalog.pg_ts_parser p\n WHERE p.oid = '").append(oid).append('\'');
            sql.append(i == methods.length - 1 ? ";" : "\n");
        }
        return sql.toString();
    }

    /** describeOneTSParser: the parser's token types. */
    String textSearchParserTokens(String oid) {
        return "SELECT t.alias as \"Token name\",\n"
                + "  t.description as \"Description\"\n"
                + "FROM pg_catalog.ts_token_type( '" + oid + "'::pg_catalog.oid ) as t\n"
                + "ORDER BY 1;";
    }

    /** listTSTemplates: \dFt[+]. */
    ListQuery textSearchTemplates(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT\n"
                + "  n.nspname AS \"Schema\",\n"
                + "  t.tmplname AS \"Name\",\n");
        if (verbose) {
            sql.append("  t.tmplinit::pg_catalog.regproc AS \"Init\",\n"
                    + "  t.tmpllexize::pg_catalog.regproc AS \"Lexize\",\n");
        }
        sql.append("  pg_catalog.obj_description(t.oid, 'pg_ts_template') AS \"Description\"\n"
                        + "FROM pg_catalog.pg_ts_template t\n"
                        + "LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace\n")
                .append(where(pattern, false, "n.nspname", "t.tmplname", null,
                        "pg_catalog.pg_ts_template_is_visible(t.oid)", 3));
        return new ListQuery("List of text search templates", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listLanguages: \dL[S+]. */
    ListQuery languages(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT l.lanname AS \"Name\",\n"
                + "       pg_catalog.pg_get_userbyid(l.lanowner) as \"Owner\",\n"
                + "       l.lanpltrusted AS \"Trusted\"");
        if (verbose) {
            sql.append(",\n       NOT l.lanispl AS \"Internal language\",\n"
                    + "       l.lanplcallfoid::pg_catalog.regprocedure AS \"Call handler\",\n"
                    + "       l.lanvalidator::pg_catalog.regprocedure AS \"Validator\",\n"
                    + "       l.laninline::pg_catalog.regprocedure AS \"Inline handler\",\n"
                    + "       ").append(acl("l.lanacl"));
        }
        sql.append(",\n       d.description AS \"Description\"\n"
                + "FROM pg_catalog.pg_language l\n"
                + "LEFT JOIN pg_catalog.pg_description d\n"
                + "  ON d.classoid = l.tableoid AND d.objoid = l.oid\n"
                + "  AND d.objsubid = 0\n");
        if (pattern != null) sql.append(where(pattern, false, null, "l.lanname", null, null, 2));
        if (!system && pattern == null) sql.append("WHERE l.lanplcallfoid != 0\n");
        return new ListQuery("List of languages", sql.append("ORDER BY 1;").toString());
    }

    /**
     * listCollations: \dO[S+]. psql 15's query up to PostgreSQL 15; on 16 and later, whose pg_collation psql 15
     * cannot read (colliculocale is colllocale from 17), psql 17's, with its columns in its order.
     */
    ListQuery collations(String pattern, boolean verbose, boolean system) throws DescribeException {
        StringBuilder sql;
        if (serverVersion >= 160000) {
            sql = new StringBuilder("SELECT\n"
                    + "  n.nspname AS \"Schema\",\n"
                    + "  c.collname AS \"Name\",\n"
                    + "  CASE c.collprovider WHEN 'd' THEN 'default' WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc'"
                    + " WHEN 'i' THEN 'icu' END AS \"Provider\",\n"
                    + "  c.collcollate AS \"Collate\",\n"
                    + "  c.collctype AS \"Ctype\",\n")
                    .append(serverVersion >= 170000 ? "  c.colllocale AS \"Locale\",\n" : "  c.colliculocale AS \"Locale\",\n")
                    .append("  c.collicurules AS \"ICU Rules\",\n"
                            + "  CASE WHEN c.collisdeterministic THEN 'yes' ELSE 'no' END AS \"Deterministic?\"");
            if (verbose) sql.append(",\n  pg_catalog.obj_description(c.oid, 'pg_collation') AS \"Description\"");
        } else {
            sql = new StringBuilder("SELECT n.nspname AS \"Schema\",\n"
                    + "       c.collname AS \"Name\",\n"
                    + "       c.collcollate AS \"Collate\",\n"
                    + "       c.collctype AS \"Ctype\",\n"
                    + "       c.colliculocale AS \"ICU Locale\",\n"
                    + "       CASE c.collprovider WHEN 'd' THEN 'default' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu'"
                    + " END AS \"Provider\",\n"
                    + "       CASE WHEN c.collisdeterministic THEN 'yes' ELSE 'no' END AS \"Deterministic?\"");
            if (verbose) sql.append(",\n       pg_catalog.obj_description(c.oid, 'pg_collation') AS \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_collation c, pg_catalog.pg_namespace n\n"
                + "WHERE n.oid = c.collnamespace\n");
        if (!system && pattern == null) sql.append(NOT_SYSTEM);
        // only the collations usable with the database's encoding
        sql.append("      AND c.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))\n")
                .append(where(pattern, true, "n.nspname", "c.collname", null, "pg_catalog.pg_collation_is_visible(c.oid)", 3));
        return new ListQuery("List of collations", sql.append("ORDER BY 1, 2;").toString());
    }

    /** listDbRoleSettings: \drds [ROLEPTRN [DBPTRN]]. */
    ListQuery roleSettings(String rolePattern, String databasePattern) throws DescribeException {
        String roles = where(rolePattern, false, null, "r.rolname", null, null, 1);
        String sql = "SELECT rolname AS \"Role\", datname AS \"Database\",\n"
                + "pg_catalog.array_to_string(setconfig, E'\\n') AS \"Settings\"\n"
                + "FROM pg_catalog.pg_db_role_setting s\n"
                + "LEFT JOIN pg_catalog.pg_database d ON d.oid = setdatabase\n"
                + "LEFT JOIN pg_catalog.pg_roles r ON r.oid = setrole\n"
                + roles
                + where(databasePattern, !roles.isEmpty(), null, "d.datname", null, null, 1)
                + "ORDER BY 1, 2;";
        return new ListQuery("List of settings", sql);
    }

    /** listPublications: \dRp. */
    ListQuery publications(String pattern) throws DescribeException {
        String sql = "SELECT pubname AS \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(pubowner) AS \"Owner\",\n"
                + "  puballtables AS \"All tables\",\n"
                + "  pubinsert AS \"Inserts\",\n"
                + "  pubupdate AS \"Updates\",\n"
                + "  pubdelete AS \"Deletes\",\n"
                + "  pubtruncate AS \"Truncates\",\n"
                + "  pubviaroot AS \"Via root\"\n"
                + "FROM pg_catalog.pg_publication\n"
                + where(pattern, false, null, "pubname", null, null, 1)
                + "ORDER BY 1;";
        return new ListQuery("List of publications", sql);
    }

    /** describePublications: the publications \dRp+ describes. */
    String findPublications(String pattern) throws DescribeException {
        return "SELECT oid, pubname,\n"
                + "  pg_catalog.pg_get_userbyid(pubowner) AS owner,\n"
                + "  puballtables, pubinsert, pubupdate, pubdelete, pubtruncate, pubviaroot\n"
                + "FROM pg_catalog.pg_publication\n"
                + where(pattern, false, null, "pubname", null, null, 1)
                + "ORDER BY 2;";
    }

    /** describePublications: a publication's tables, with their row filter and column list. */
    String publicationTables(String oid) {
        return "SELECT n.nspname, c.relname, pg_get_expr(pr.prqual, c.oid), (CASE WHEN pr.prattrs IS NOT NULL THEN\n"
                + "     pg_catalog.array_to_string(      ARRAY(SELECT attname\n"
                + "              FROM\n"
                + "                pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,\n"
                + "                pg_catalog.pg_attribute\n"
                + "        WHERE attrelid = c.oid AND attnum = prattrs[s]), ', ')\n"
                + "       ELSE NULL END)\n"
                + "FROM pg_catalog.pg_class c,\n"
                + "     pg_catalog.pg_namespace n,\n"
                + "     pg_catalog.pg_publication_rel pr\n"
                + "WHERE c.relnamespace = n.oid\n"
                + "  AND c.oid = pr.prrelid\n"
                + "  AND pr.prpubid = '" + oid + "'\n"
                + "ORDER BY 1,2";
    }

    /** describePublications: the schemas a publication takes all tables of. */
    String publicationSchemas(String oid) {
        return "SELECT n.nspname\n"
                + "FROM pg_catalog.pg_namespace n\n"
                + "     JOIN pg_catalog.pg_publication_namespace pn ON n.oid = pn.pnnspid\n"
                + "WHERE pn.pnpubid = '" + oid + "'\n"
                + "ORDER BY 1";
    }

    /** describeSubscriptions: \dRs[+], the current database's subscriptions. */
    ListQuery subscriptions(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT subname AS \"Name\"\n"
                + ",  pg_catalog.pg_get_userbyid(subowner) AS \"Owner\"\n"
                + ",  subenabled AS \"Enabled\"\n"
                + ",  subpublications AS \"Publication\"\n");
        if (verbose) {
            sql.append(", subbinary AS \"Binary\"\n"
                    + ", substream AS \"Streaming\"\n"
                    + ", subtwophasestate AS \"Two-phase commit\"\n"
                    + ", subdisableonerr AS \"Disable on error\"\n"
                    + ",  subsynccommit AS \"Synchronous commit\"\n"
                    + ",  subconninfo AS \"Conninfo\"\n"
                    + ", subskiplsn AS \"Skip LSN\"\n");
        }
        sql.append("FROM pg_catalog.pg_subscription\n"
                        + "WHERE subdbid = (SELECT oid\n"
                        + "                 FROM pg_catalog.pg_database\n"
                        + "                 WHERE datname = pg_catalog.current_database())")
                .append(where(pattern, true, null, "subname", null, null, 1));
        return new ListQuery("List of subscriptions", sql.append("ORDER BY 1;").toString());
    }

    /** listExtendedStats: \dX. */
    ListQuery extendedStatistics(String pattern) throws DescribeException {
        String sql = "SELECT \n"
                + "es.stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS \"Schema\", \n"
                + "es.stxname AS \"Name\", \n"
                + "pg_catalog.format('%s FROM %s', \n"
                + "  pg_catalog.pg_get_statisticsobjdef_columns(es.oid), \n"
                + "  es.stxrelid::pg_catalog.regclass) AS \"Definition\",\n"
                + "CASE WHEN 'd' = any(es.stxkind) THEN 'defined' \n"
                + "END AS \"Ndistinct\", \n"
                + "CASE WHEN 'f' = any(es.stxkind) THEN 'defined' \n"
                + "END AS \"Dependencies\",\n"
                + "CASE WHEN 'm' = any(es.stxkind) THEN 'defined' \n"
                + "END AS \"MCV\"  \n"
                + "FROM pg_catalog.pg_statistic_ext es \n"
                + where(pattern, false, "es.stxnamespace::pg_catalog.regnamespace::pg_catalog.text", "es.stxname",
                null, "pg_catalog.pg_statistics_obj_is_visible(es.oid)", 3)
                + "ORDER BY 1, 2;";
        return new ListQuery("List of extended statistics", sql);
    }

    /** listEventTriggers: \dy[+]. */
    ListQuery eventTriggers(String pattern, boolean verbose) throws DescribeException {
        StringBuilder sql = new StringBuilder("SELECT evtname as \"Name\", evtevent as \"Event\","
                + " pg_catalog.pg_get_userbyid(e.evtowner) as \"Owner\",\n"
                + " case evtenabled when 'O' then 'enabled'  when 'R' then 'replica'  when 'A' then 'always'"
                + "  when 'D' then 'disabled' end as \"Enabled\",\n"
                + " e.evtfoid::pg_catalog.regproc as \"Function\", pg_catalog.array_to_string(array(select x"
                + " from pg_catalog.unnest(evttags) as t(x)), ', ') as \"Tags\"");
        if (verbose) sql.append(",\npg_catalog.obj_description(e.oid, 'pg_event_trigger') as \"Description\"");
        sql.append("\nFROM pg_catalog.pg_event_trigger e ")
                .append(where(pattern, false, null, "evtname", null, null, 1));
        return new ListQuery("List of event triggers", sql.append("ORDER BY 1").toString());
    }

    /** listLargeObjects: \dl[+] and \lo_list[+]. */
    ListQuery largeObjects(boolean verbose) {
        StringBuilder sql = new StringBuilder("SELECT oid as \"ID\",\n"
                + "  pg_catalog.pg_get_userbyid(lomowner) as \"Owner\",\n");
        if (verbose) sql.append("  ").append(acl("lomacl")).append(",\n");
        sql.append("  pg_catalog.obj_description(oid, 'pg_largeobject') as \"Description\"\n"
                + "FROM pg_catalog.pg_largeobject_metadata\n"
                + "ORDER BY oid");
        return new ListQuery("Large objects", sql.toString());
    }

    private String where(String pattern, boolean haveWhere, String schemaVar, String nameVar, String altNameVar,
                         String visibilityRule, int maxParts) throws DescribeException {
        return NamePattern.where(pattern, haveWhere, false, schemaVar, nameVar, altNameVar, visibilityRule, maxParts,
                database);
    }

    /** psql's printACLColumn. */
    private static String acl(String column) {
        return "pg_catalog.array_to_string(" + column + ", E'\\n') AS \"Access privileges\"";
    }

    /** The "(name 'value', ...)" text of a generic options column, as psql writes it. */
    private static String options(String column) {
        return "CASE WHEN " + column + " IS NULL THEN '' ELSE "
                + "  '(' || pg_catalog.array_to_string(ARRAY(SELECT "
                + "  pg_catalog.quote_ident(option_name) ||  ' ' || "
                + "  pg_catalog.quote_literal(option_value)  FROM "
                + "  pg_catalog.pg_options_to_table(" + column + ")),  ', ') || ')' "
                + "  END";
    }
}
