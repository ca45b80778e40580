package org.shardprep.shell.meta;

import org.shardprep.shell.session.Session;
import org.shardprep.shell.session.Variables;
import org.shardprep.sql.PgProtocol;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.QueryRunner;
import org.shardprep.sql.render.MessageFormatter;
import org.shardprep.sql.render.ColumnInfo;
import org.shardprep.sql.render.PrintOptions;
import org.shardprep.sql.render.ResultPrinter;
import org.shardprep.shell.describe.CatalogQuery;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that send the query buffer and do something other than print its rows (psql's common.c):
 * \gset stores the one row in variables, \gexec runs each value, \gdesc describes the result without running it.
 */
final class QueryResultCommands {

    private final Session session;

    QueryResultCommands(Session session) {
        this.session = session;
    }

    /** The rows of the statement's (last) result. */
    private static final class Rows implements PgProtocol.Results {
        List<ColumnInfo> columns = List.of();
        final List<String[]> rows = new ArrayList<>();

        @Override
        public void rows(List<ColumnInfo> columns, List<String[]> rows) {
            this.rows.clear();   // each result comes whole (no cursor here); the last one counts
            this.columns = columns;
            this.rows.addAll(rows);
        }

        @Override
        public void commandStatus(String tag) {
            // psql prints no tag for the rows it stored or ran
        }
    }

    /** psql's StoreQueryTuple: one row, each column into PREFIX+name; a NULL unsets the variable. */
    boolean gset(String sql, String prefix) {
        Rows result = new Rows();
        QueryOutcome outcome = session.executeCapturing(sql, result);
        if (!outcome.success()) return false;
        if (result.columns.isEmpty()) return true;   // no rows result: its tag was printed, as psql does
        if (result.rows.isEmpty()) return fail("no rows returned for \\gset");
        if (result.rows.size() > 1) return fail("more than one row returned for \\gset");
        String[] row = result.rows.get(0);
        for (int i = 0; i < row.length; i++) {
            String name = prefix + result.columns.get(i).name();
            if (Variables.hooked(name)) {
                session.warning("attempt to \\gset into specially treated variable \"" + name + "\" ignored");
                continue;
            }
            if (!Variables.validName(name)) return fail("invalid variable name: \"" + name + "\"");
            if (row[i] == null) session.variables().unset(name);
            else session.variables().set(name, row[i]);
        }
        return true;
    }

    /** psql's ExecQueryTuples: every non-NULL value, row by row, as a query of its own. */
    boolean gexec(String sql) {
        Rows result = new Rows();
        QueryOutcome outcome = session.executeCapturing(sql, result);
        if (!outcome.success()) return false;
        try {
            return runEach(result);
        } finally {
            session.rememberQuery(sql);   // \p and \g see the \gexec query, not the last one it ran (psql's previous_buf)
        }
    }

    private boolean runEach(Rows result) {
        boolean ok = true;
        for (String[] row : result.rows) {
            for (String query : row) {
                if (query == null) continue;
                if (session.variables().echo().equals("all")) {
                    session.out().println(query);
                    session.out().flush();
                }
                if (!session.execute(query).success()) {
                    ok = false;
                    if (session.variables().onErrorStop()) return false;
                }
                if (session.interrupted()) return false;   // Ctrl-C stops the rest, as psql's cancel_pressed
            }
        }
        return ok;
    }

    /** \\crosstabview [COLV [COLH [COLD [SORTCOLH]]]]: the result pivoted (see {@link CrosstabView}). */
    boolean crosstab(String sql, List<String> args) {
        Rows result = new Rows();
        QueryOutcome outcome = session.executeCapturing(sql, result);
        if (!outcome.success()) return false;
        if (result.columns.isEmpty()) return true;   // no rows result: its tag was printed, as psql does
        CrosstabView.Result table = CrosstabView.pivot(result.columns, result.rows, args, session.printOptions().getNullDisplay());
        if (table.error() != null) return fail("\\crosstabview: " + table.error());
        ResultPrinter printer = ResultPrinter.create(session.printOptions(), session.results(), session.terminalWidth());
        printer.start(table.columns());
        printer.rows(table.rows());
        printer.finish(table.rows().size());
        session.results().flush();
        return true;
    }

    /** psql's DescribeQuery: the result's column names and types, from the server's description of the statement. */
    boolean gdesc(String sql) {
        session.rememberQuery(sql);   // what \\g runs next, as psql's previous_buf
        if (session.variables().echo().equals("queries")) {   // psql echoes the statement it describes
            session.out().println(sql);
            session.out().flush();
        }
        List<PgProtocol.DescribedColumn> columns;
        try {
            columns = session.connection().protocol().describe(sql);
        } catch (SQLException e) {
            session.message(session.location().prefix() + QueryRunner.describe(e, sql, 0, session.verbosity()));
            session.failed(QueryRunner.describe(e, sql, 0, MessageFormatter.Verbosity.VERBOSE, MessageFormatter.ShowContext.ALWAYS));
            session.recordOutcome(QueryOutcome.failed(e, session.connection().isClosed()));
            return false;
        }
        if (columns.isEmpty()) {
            session.recordOutcome(QueryOutcome.OK);
            session.results().println("The command has no result, or the result has no columns.");
            session.results().flush();
            return true;
        }
        StringBuilder q = new StringBuilder("SELECT name AS \"Column\", pg_catalog.format_type(tp, tpm) AS \"Type\"\nFROM (VALUES ");
        for (int i = 0; i < columns.size(); i++) {
            PgProtocol.DescribedColumn c = columns.get(i);
            if (i > 0) q.append(',');
            q.append('(').append(literal(c.name())).append(", '").append(Integer.toUnsignedString(c.oid()))
                    .append("'::pg_catalog.oid, ").append(c.typmod()).append(')');
        }
        q.append(") s(name, tp, tpm)");
        try {
            CatalogQuery.Result r = CatalogQuery.send(session.connection(), q.toString());
            PrintOptions options = session.printOptions();
            ResultPrinter printer = ResultPrinter.create(options, session.results(), session.terminalWidth());
            printer.start(r.columns());
            printer.rows(r.rows());
            printer.finish(r.size());
            session.results().flush();
            session.recordOutcome(QueryOutcome.ok(r.size()));   // psql: ROW_COUNT is the description's rows
            return true;
        } catch (SQLException e) {
            session.recordOutcome(QueryOutcome.failed(e, session.connection().isClosed()));
            session.message(session.location().prefix() + QueryRunner.describe(e, q.toString(), 0, session.verbosity()));
            return false;
        }
    }

    /** A string literal as libpq's PQescapeLiteral writes it. */
    static String literal(String s) {
        String quoted = "'" + s.replace("'", "''") + "'";
        return s.contains("\\") ? " E" + quoted.replace("\\", "\\\\") : quoted;
    }

    private boolean fail(String message) {
        session.error(message);
        return false;
    }
}
