package org.shardprep.shell.meta;

import org.postgresql.util.PSQLException;
import org.shardprep.shell.describe.CatalogQuery;
import org.shardprep.shell.session.Session;

import java.sql.SQLException;

/** psql's \sf and \sv (command.c's exec_command_sf_sv): a function's or view's CREATE command, numbered with +; \ef and \ev edit it. */
final class DefinitionCommands {

    private final Session session;

    DefinitionCommands(Session session) {
        this.session = session;
    }

    /** @param name the whole rest of the line, as psql reads it; null or blank when missing */
    boolean show(String name, boolean function, boolean lineNumbers) {
        if (name == null || name.isBlank()) return fail(function ? "function name is required" : "view name is required");
        String text = createCommand(name.strip(), function);
        if (text == null) return false;
        session.out().print(lineNumbers ? withLineNumbers(text, function) : text);
        session.out().flush();
        return true;
    }

    /**
     * psql's lookup_object_oid and get_create_object_cmd: the function's or view's CREATE OR REPLACE command, or
     * null after the error is reported (\sf, \sv, \ef, \ev).
     */
    String createCommand(String name, boolean function) {
        try {
            String oid = lookup(name, function);
            return function ? functionDefinition(oid) : viewDefinition(oid);
        } catch (SQLException e) {
            fail(minimalMessage(e));
            return null;
        } catch (CatalogQuery.NotSent e) {
            return null;
        }
    }

    /** psql's lookup_object_oid: the name cast to regprocedure (with an argument list), regproc or regclass. */
    private String lookup(String name, boolean function) throws SQLException {
        String type = !function ? "regclass" : name.contains("(") ? "regprocedure" : "regproc";
        return CatalogQuery.of(session).run(
                "SELECT " + QueryResultCommands.literal(name) + "::pg_catalog." + type + "::pg_catalog.oid").get(0, 0);
    }

    private String functionDefinition(String oid) throws SQLException {
        return CatalogQuery.of(session).run("SELECT pg_catalog.pg_get_functiondef(" + oid + ")").get(0, 0);
    }

    /** psql's get_create_object_cmd for a view: CREATE OR REPLACE VIEW, its options and check option. */
    private String viewDefinition(String oid) throws SQLException {
        CatalogQuery.Result r = CatalogQuery.of(session).run("SELECT nspname, relname, relkind, "
                + "pg_catalog.pg_get_viewdef(c.oid, true), "
                + "pg_catalog.array_remove(pg_catalog.array_remove(c.reloptions,'check_option=local'),'check_option=cascaded') AS reloptions, "
                + "CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'::text "
                + "WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'::text ELSE NULL END AS checkoption "
                + "FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid WHERE c.oid = " + oid);
        if (!r.get(0, 2).equals("v")) {
            fail("\"" + r.get(0, 0) + "." + r.get(0, 1) + "\" is not a view");
            return null;
        }
        String options = r.get(0, 4);
        // psql's fmtId and appendReloptionsArray quote on the client; the server's quote_ident quotes alike,
        // in a query of ours that ECHO_HIDDEN does not show (psql sends none)
        CatalogQuery.Result quoted = CatalogQuery.send(session.connection(), "SELECT pg_catalog.quote_ident("
                + QueryResultCommands.literal(r.get(0, 0)) + ") || '.' || pg_catalog.quote_ident(" + QueryResultCommands.literal(r.get(0, 1)) + "), "
                + "(SELECT pg_catalog.string_agg(pg_catalog.quote_ident(option_name) || '=' || CASE "
                + "WHEN pg_catalog.quote_ident(option_value) = option_value THEN option_value "
                + "ELSE pg_catalog.quote_literal(option_value) END, ', ') "
                + "FROM pg_catalog.pg_options_to_table(" + QueryResultCommands.literal(options.length() > 2 ? options : "{}")
                + "::pg_catalog.text[]))");
        StringBuilder b = new StringBuilder("CREATE OR REPLACE VIEW ").append(quoted.get(0, 0));
        if (options.length() > 2) b.append("\n WITH (").append(quoted.get(0, 1)).append(')');
        String def = r.get(0, 3);
        if (def.endsWith(";")) def = def.substring(0, def.length() - 1);   // pg_get_viewdef's, which psql drops
        b.append(" AS\n").append(def);
        if (!r.get(0, 5).isEmpty()) b.append("\n WITH ").append(r.get(0, 5)).append(" CHECK OPTION");
        return b.append('\n').toString();
    }

    /** psql's print_with_linenumbers: a function's header lines unnumbered, its body from 1. */
    private static String withLineNumbers(String text, boolean function) {
        StringBuilder out = new StringBuilder();
        boolean header = function;
        int lineno = 0;
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            if (header && (line.startsWith("AS ") || line.startsWith("BEGIN ") || line.startsWith("RETURN "))) header = false;
            if (header) {
                out.append("        ").append(line).append('\n');
            } else {
                out.append(String.format("%-7d %s", ++lineno, line)).append('\n');
            }
        }
        return out.toString();
    }

    /** psql's minimal_error_message: severity and primary message only. */
    private static String minimalMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String severity = p.getServerErrorMessage().getSeverity();
            return (severity == null ? "ERROR" : severity) + ":  " + p.getServerErrorMessage().getMessage();
        }
        return "ERROR:  " + e.getMessage();
    }

    private boolean fail(String message) {
        session.error(message);
        return false;
    }
}
