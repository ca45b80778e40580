package org.shardprep.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A relation named by the user on a shardprep command line: as SQL reads the name (search_path; unquoted folds
 * to lower case), else as typed, because the shell takes quotes off ({@code "Items"} arrives as Items).
 *
 * @param oid     pg_class oid
 * @param name    as regclass prints it (schema-qualified only when not on the search path)
 * @param schema  its schema
 * @param relName its bare name
 * @param relkind pg_class.relkind: 'r' and 'p' are tables
 */
public record TypedRelation(long oid, String name, String schema, String relName, String relkind) {

    public boolean isTable() { return relkind.equals("r") || relkind.equals("p"); }

    /** The relation, or empty when the name is no relation (or not a valid name at all). */
    public static Optional<TypedRelation> find(Connection c, String typed) throws SQLException {
        if (typed == null || typed.isBlank()) return Optional.empty();
        for (String lookup : new String[] {"to_regclass(?)", "to_regclass(quote_ident(?))"}) {
            Optional<TypedRelation> r = lookup(c, lookup, typed);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private static Optional<TypedRelation> lookup(Connection c, String lookup, String typed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, c.oid::regclass::text, n.nspname, c.relname, c.relkind "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = " + lookup)) {
            ps.setString(1, typed);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new TypedRelation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            // not a valid name (42601, 42602), or a schema that does not exist (3F000): no such relation
            if ("42601".equals(e.getSQLState()) || "42602".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
