package org.shardprep.shell.describe;

import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.QueryRunner;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.render.PrintOptions;
import org.shardprep.sql.render.ResultPrinter;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The describe commands psql 15 dispatches in exec_command_d and friends: {@code \d[S+] [PATTERN]},
 * {@code \dt \di \ds \dv \dm \dE} (and combinations, with S and +), {@code \df[anptw][S+]}, {@code \dn[S+]},
 * {@code \du[S+]} / {@code \dg}, {@code \l[+]} and {@code \dx[+]}, those of {@link CatalogListings}, and the catalog
 * lists of {@link CatalogLists} ({@code \da \db \dc \dC \dd \dD \de? \dF? \dL \dO \drds \dR? \dX \dy \dl \lo_list}).
 * Output and messages are psql's; a failing
 * catalog query prints the server's error as psql would.
 */
public final class DescribeCommand {


    private final Session session;

    public DescribeCommand(Session session) {
        this.session = session;
    }

    /** Runs the command with its arguments as psql lexed them (the first is the pattern). */
    public MetaCommandResult execute(String name, List<String> args) {
        String pattern = args.isEmpty() || name.startsWith("lo_") ? null : args.get(0);
        // \drds takes a database pattern after a role pattern; \lo_list reads (and ignores) two arguments
        int read = name.startsWith("lo_") || name.startsWith("drds") ? Math.min(2, args.size()) : CatalogListings.argumentsRead(name, args);
        MetaCommandResult result = run(name, pattern, args.subList(Math.min(1, read), read));
        // psql reads leftover arguments after the command ran
        for (String extra : args.subList(read, args.size())) {
            warn("\\" + name + ": extra argument \"" + extra + "\" ignored");
        }
        return result;
    }

    /** @param more the patterns the command reads after the first (argument types, a second pattern) */
    private MetaCommandResult run(String name, String pattern, List<String> more) {
        boolean verbose = name.indexOf('+') >= 0;
        boolean system = name.indexOf('S') >= 0;
        SessionConnection connection = session.connection();
        DescribeQueries queries = new DescribeQueries(connection.database(), session.variables().isOn("HIDE_TABLEAM"),
                session.variables().isOn("HIDE_TOAST_COMPRESSION"));
        String sql = null;
        try {
            if (CatalogLists.handles(name)) {
                CatalogLists lists = new CatalogLists(CatalogQuery.of(session),
                        new CatalogListQueries(connection.database(), connection.serverVersionNum()), new Output());
                try {
                    return lists.run(name, pattern, more.isEmpty() || name.startsWith("lo_") ? null : more.get(0))
                            ? MetaCommandResult.OK : MetaCommandResult.ERROR;
                } finally {
                    sql = lists.lastSql();
                }
            }
            CatalogListings.Listing listing = CatalogListings.of(name, pattern, more, connection.database(),
                    connection.serverVersionNum());
            if (listing != null) {
                sql = listing.sql();
                return print(TableContent.query(listing.title(), query(sql)));
            }
            if (name.startsWith("l")) {
                sql = queries.databases(pattern, verbose, connection.serverVersionNum());
                return print(TableContent.query("List of databases", query(sql)));
            }
            char kind = name.length() > 1 ? name.charAt(1) : '\0';
            switch (kind) {
                case '\0', '+', 'S' -> {
                    if (pattern == null) {
                        sql = queries.listTables("tvmsE", null, verbose, system);
                        return listRelations(sql, null);
                    }
                    sql = queries.findRelations(pattern, system);
                    return describeRelations(query(sql), pattern, verbose, queries);
                }
                case 'f' -> {
                    String types = name.substring(2);
                    if (!types.chars().allMatch(c -> "anptwS+".indexOf(c) >= 0)) {
                        error("\\df only takes [anptwS+] as options");
                        return MetaCommandResult.OK;   // psql reports it and carries on
                    }
                    sql = queries.functions(types, pattern, more, verbose, system);
                    return print(TableContent.query("List of functions", query(sql)));
                }
                case 'n' -> {
                    sql = queries.schemas(pattern, verbose, system);
                    CatalogQuery.Result schemas = query(sql);
                    List<String> footers = null;
                    if (pattern != null) {
                        sql = queries.schemaPublications(pattern);
                        CatalogQuery.Result publications = query(sql);
                        if (publications.size() > 0) {
                            footers = new ArrayList<>();
                            footers.add("Publications:");
                            for (int i = 0; i < publications.size(); i++) {
                                footers.add("    \"" + publications.get(i, 0) + "\"");
                            }
                        }
                    }
                    return print(new TableContent("List of schemas", schemas.columns(), schemas.rows(), footers, true, true));
                }
                case 'u', 'g' -> {
                    sql = queries.roles(pattern, verbose, system);
                    return print(RoleList.of(query(sql), verbose));
                }
                case 'x' -> {
                    if (!verbose) {
                        sql = queries.extensions(pattern);
                        return print(TableContent.query("List of installed extensions", query(sql)));
                    }
                    sql = queries.findExtensions(pattern);
                    return extensionContents(query(sql), pattern, queries);
                }
                default -> {
                    sql = queries.listTables(name.substring(1), pattern, verbose, system);
                    return listRelations(sql, pattern);
                }
            }
        } catch (CatalogQuery.NotSent e) {
            return MetaCommandResult.ERROR;
        } catch (DescribeException e) {
            error(e.getMessage());
            return MetaCommandResult.ERROR;
        } catch (SQLException e) {
            // as psql's PSQLexec: the server's message, with the position in the query we sent
            session.message(session.location().prefix() + QueryRunner.describe(e, sql == null ? "" : sql, 0,
                    session.verbosity()));
            return MetaCommandResult.ERROR;
        } catch (RuntimeException e) {
            // an answer we did not expect from the catalog: one line, never a stack trace
            error("\\" + name + ": " + e);
            return MetaCommandResult.ERROR;
        }
    }

    /** listTables: nothing found is reported (unless quiet) but is not an error, as in psql 15. */
    private MetaCommandResult listRelations(String sql, String pattern) throws SQLException {
        CatalogQuery.Result result = query(sql);
        if (result.size() == 0 && !session.quiet()) {
            error(pattern != null ? "Did not find any relation named \"" + pattern + "\"." : "Did not find any relations.");
            return MetaCommandResult.OK;
        }
        return print(TableContent.query("List of relations", result));
    }

    /** describeTableDetails: one table per relation found; none found is an error. */
    private MetaCommandResult describeRelations(CatalogQuery.Result found, String pattern, boolean verbose,
                                                DescribeQueries queries) throws SQLException {
        if (found.size() == 0) {
            if (!session.quiet()) {
                error(pattern != null ? "Did not find any relation named \"" + pattern + "\"." : "Did not find any relations.");
            }
            return MetaCommandResult.ERROR;
        }
        TableDescription description = new TableDescription(CatalogQuery.of(session), queries);
        for (int i = 0; i < found.size(); i++) {
            TableContent table = description.describe(found.get(i, 1), found.get(i, 2), found.get(i, 0), verbose);
            if (table != null) print(table);
        }
        return MetaCommandResult.OK;
    }

    /** listExtensionContents: \dx+. */
    private MetaCommandResult extensionContents(CatalogQuery.Result found, String pattern, DescribeQueries queries)
            throws SQLException {
        if (found.size() == 0) {
            if (!session.quiet()) {
                error(pattern != null ? "Did not find any extension named \"" + pattern + "\"." : "Did not find any extensions.");
            }
            return MetaCommandResult.ERROR;
        }
        for (int i = 0; i < found.size(); i++) {
            CatalogQuery.Result objects = query(queries.extensionObjects(found.get(i, 1)));
            print(TableContent.query("Objects in extension \"" + found.get(i, 0) + "\"", objects));
        }
        return MetaCommandResult.OK;
    }

    /** psql's PSQLexec: ECHO_HIDDEN applies. */
    private CatalogQuery.Result query(String sql) throws SQLException {
        return CatalogQuery.of(session).run(sql);
    }

    /** Where the catalog lists print. */
    private final class Output implements CatalogLists.Output {
        @Override
        public void print(TableContent table) {
            DescribeCommand.this.print(table);
        }

        @Override
        public void error(String message) {
            DescribeCommand.this.error(message);
        }

        @Override
        public boolean quiet() {
            return session.quiet();
        }
    }

    private MetaCommandResult print(TableContent table) {
        PrintOptions options = session.printOptions().copy().setTitle(table.title()).setFooters(table.footers());
        if (table.nullsAsEmpty()) options.setNullDisplay("");
        if (!table.expandable()) options.setExpanded(PrintOptions.Expanded.OFF);
        ResultPrinter printer = ResultPrinter.create(options, session.results(), session.terminalWidth());
        printer.start(table.columns());
        printer.rows(table.rows());
        printer.finish(table.rows().size());
        session.results().flush();
        return MetaCommandResult.OK;
    }

    /** psql's pg_log_error: "error: " appears only in a named script's messages. */
    private void error(String message) {
        ScriptLocation where = session.location();
        session.message(where.prefix() + (where.name() != null ? "error: " : "") + message);
    }

    private void warn(String message) {
        session.warning(message);
    }
}
