package org.shardprep.shell.describe;

import org.shardprep.sql.render.ColumnInfo;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * psql 15's catalog list commands, as exec_command_d dispatches them: {@code \da \db \dc \dC \dd \dD \des \dew \det
 * \deu \dF[dpt] \dL \dO \drds \dRp \dRs \dX \dy \dl} and {@code \lo_list}, with S and + read anywhere in the name as
 * psql reads them. Most print one query's result under a title; \dF+, \dFp+ and \dRp+ describe each object found in
 * tables of their own, and say so when they find none.
 */
final class CatalogLists {

    /** Where the tables and messages go (the describe command's printer). */
    interface Output {
        void print(TableContent table);

        /** psql's pg_log_error. */
        void error(String message);

        boolean quiet();
    }

    private final CatalogQuery catalog;
    private final CatalogListQueries queries;
    private final Output out;
    private String lastSql;

    CatalogLists(CatalogQuery catalog, CatalogListQueries queries, Output out) {
        this.catalog = catalog;
        this.queries = queries;
        this.out = out;
    }

    /** Whether {@code name} (as the catalog matched it, without the backslash) is one of these commands. */
    static boolean handles(String name) {
        if (name.startsWith("lo_list")) return true;
        if (name.length() < 2 || name.charAt(0) != 'd') return false;
        return switch (name.charAt(1)) {
            case 'a', 'b', 'C', 'D', 'l', 'L', 'O', 'X', 'y' -> true;
            case 'c' -> !name.startsWith("dconfig");
            case 'd' -> !name.startsWith("ddp");
            case 'e' -> name.length() > 2 && "stuw".indexOf(name.charAt(2)) >= 0;
            case 'F' -> name.length() == 2 || "+dpt".indexOf(name.charAt(2)) >= 0;
            case 'r' -> name.startsWith("drds");
            case 'R' -> name.length() > 2 && (name.charAt(2) == 'p' || name.charAt(2) == 's');
            default -> false;
        };
    }

    /** The last query sent, for the position of a server error in it. */
    String lastSql() {
        return lastSql;
    }

    /**
     * Runs the command; false when psql's function returns false (a describe that found nothing).
     *
     * @param pattern2 \drds's database pattern
     */
    boolean run(String name, String pattern, String pattern2) throws SQLException, DescribeException {
        boolean verbose = name.indexOf('+') >= 0;
        boolean system = name.indexOf('S') >= 0;
        if (name.startsWith("lo_list")) return list(queries.largeObjects(verbose));
        char kind = name.charAt(1);
        char sub = name.length() > 2 ? name.charAt(2) : '\0';
        return switch (kind) {
            case 'a' -> list(queries.aggregates(pattern, system));
            case 'b' -> list(queries.tablespaces(pattern, verbose));
            case 'c' -> list(queries.conversions(pattern, verbose, system));
            case 'C' -> list(queries.casts(pattern, verbose));
            case 'd' -> list(queries.descriptions(pattern, system));
            case 'D' -> list(queries.domains(pattern, verbose, system));
            case 'e' -> switch (sub) {
                case 's' -> list(queries.foreignServers(pattern, verbose));
                case 'u' -> list(queries.userMappings(pattern, verbose));
                case 'w' -> list(queries.foreignDataWrappers(pattern, verbose));
                default -> list(queries.foreignTables(pattern, verbose));
            };
            case 'F' -> switch (sub) {
                case 'p' -> verbose ? textSearchParsers(pattern) : list(queries.textSearchParsers(pattern));
                case 'd' -> list(queries.textSearchDictionaries(pattern, verbose));
                case 't' -> list(queries.textSearchTemplates(pattern, verbose));
                default -> verbose ? textSearchConfigs(pattern) : list(queries.textSearchConfigs(pattern));
            };
            case 'l' -> list(queries.largeObjects(verbose));
            case 'L' -> list(queries.languages(pattern, verbose, system));
            case 'O' -> list(queries.collations(pattern, verbose, system));
            case 'r' -> roleSettings(pattern, pattern2);
            case 'R' -> sub == 'p'
                    ? (verbose ? publications(pattern) : list(queries.publications(pattern)))
                    : list(queries.subscriptions(pattern, verbose));
            case 'X' -> list(queries.extendedStatistics(pattern));
            default -> list(queries.eventTriggers(pattern, verbose));
        };
    }

    /** printQuery under the list's title, NULL as empty. */
    private boolean list(CatalogListQueries.ListQuery list) throws SQLException {
        out.print(TableContent.query(list.title(), query(list.sql())));
        return true;
    }

    /** listDbRoleSettings: nothing found is said instead of an empty table, but is no failure. */
    private boolean roleSettings(String rolePattern, String databasePattern) throws SQLException, DescribeException {
        CatalogListQueries.ListQuery list = queries.roleSettings(rolePattern, databasePattern);
        CatalogQuery.Result result = query(list.sql());
        if (result.size() == 0 && !out.quiet()) {
            if (rolePattern != null && databasePattern != null) {
                out.error("Did not find any settings for role \"" + rolePattern + "\" and database \""
                        + databasePattern + "\".");
            } else if (rolePattern != null) {
                out.error("Did not find any settings for role \"" + rolePattern + "\".");
            } else {
                out.error("Did not find any settings.");
            }
        } else {
            out.print(TableContent.query(list.title(), result));
        }
        return true;
    }

    /** listTSConfigsVerbose and describeOneTSConfig: \dF+. */
    private boolean textSearchConfigs(String pattern) throws SQLException, DescribeException {
        CatalogQuery.Result found = query(queries.findTextSearchConfigs(pattern));
        if (found.size() == 0) {
            return notFound(pattern, "text search configuration", "text search configurations");
        }
        for (int i = 0; i < found.size(); i++) {
            StringBuilder title = new StringBuilder("Text search configuration \"");
            if (!found.isNull(i, 2)) title.append(found.get(i, 2)).append('.');
            title.append(found.get(i, 1)).append("\"\nParser: \"");
            if (!found.isNull(i, 4)) title.append(found.get(i, 4)).append('.');
            title.append(found.get(i, 3)).append('"');
            CatalogQuery.Result map = query(queries.textSearchConfigMap(found.get(i, 0)));
            out.print(new TableContent(title.toString(), map.columns(), map.rows(), List.of(), true, true));
        }
        return true;
    }

    /** listTSParsersVerbose and describeOneTSParser: \dFp+. */
    private boolean textSearchParsers(String pattern) throws SQLException, DescribeException {
        CatalogQuery.Result found = query(queries.findTextSearchParsers(pattern));
        if (found.size() == 0) {
            return notFound(pattern, "text search parser", "text search parsers");
        }
        for (int i = 0; i < found.size(); i++) {
            String oid = found.get(i, 0);
            String name = (found.isNull(i, 1) ? "" : found.get(i, 1) + ".") + found.get(i, 2);
            CatalogQuery.Result methods = query(queries.textSearchParserMethods(oid));
            out.print(new TableContent("Text search parser \"" + name + "\"", methods.columns(), methods.rows(),
                    List.of(), true, true));
            CatalogQuery.Result tokens = query(queries.textSearchParserTokens(oid));
            // psql turns off the "(N rows)" footer for the methods only
            out.print(TableContent.query("Token types for parser \"" + name + "\"", tokens));
        }
        return true;
    }

    /** describePublications: \dRp+, one table a publication, its tables and schemas as footers. */
    private boolean publications(String pattern) throws SQLException, DescribeException {
        CatalogQuery.Result found = query(queries.findPublications(pattern));
        if (found.size() == 0) {
            return notFound(pattern, "publication", "publications");
        }
        List<ColumnInfo> columns = List.of("Owner", "All tables", "Inserts", "Updates", "Deletes", "Truncates",
                "Via root").stream().map(h -> new ColumnInfo(h, ColumnInfo.TEXT)).toList();
        for (int i = 0; i < found.size(); i++) {
            String oid = found.get(i, 0);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{found.get(i, 2), found.get(i, 3), found.get(i, 4), found.get(i, 5), found.get(i, 6),
                    found.get(i, 7), found.get(i, 8)});
            List<String> footers = new ArrayList<>();
            if (!"t".equals(found.get(i, 3))) {
                CatalogQuery.Result tables = query(queries.publicationTables(oid));
                if (tables.size() > 0) footers.add("Tables:");
                for (int t = 0; t < tables.size(); t++) {
                    StringBuilder line = new StringBuilder("    \"").append(tables.get(t, 0)).append('.')
                            .append(tables.get(t, 1)).append('"');
                    if (!tables.isNull(t, 3)) line.append(" (").append(tables.get(t, 3)).append(')');
                    if (!tables.isNull(t, 2)) line.append(" WHERE ").append(tables.get(t, 2));
                    footers.add(line.toString());
                }
                CatalogQuery.Result schemas = query(queries.publicationSchemas(oid));
                if (schemas.size() > 0) footers.add("Tables from schemas:");
                for (int s = 0; s < schemas.size(); s++) footers.add("    \"" + schemas.get(s, 0) + "\"");
            }
            // without footers of its own the table has psql's "(1 row)"
            out.print(new TableContent("Publication " + found.get(i, 1), columns, rows,
                    footers.isEmpty() ? null : footers, false, true));
        }
        return true;
    }

    private boolean notFound(String pattern, String what, String plural) {
        if (!out.quiet()) {
            out.error(pattern != null ? "Did not find any " + what + " named \"" + pattern + "\"."
                    : "Did not find any " + plural + ".");
        }
        return false;
    }

    private CatalogQuery.Result query(String sql) throws SQLException {
        lastSql = sql;
        return catalog.run(sql);
    }
}
