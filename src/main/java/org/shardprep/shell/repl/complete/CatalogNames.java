package org.shardprep.shell.repl.complete;

import org.shardprep.sql.TransactionState;
import org.shardprep.sql.SessionConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The names completion offers from the database (relations, columns, schemas, functions, databases), read
 * from pg_catalog on the session connection the first time they are needed and kept until {@link #markStale()}
 * (after DDL) or a new connection. Names come already quoted where SQL needs it (the server's quote_ident).
 * Nothing is read, and nothing offered, while the session is in a failed transaction, as psql; a failed
 * read just means nothing to offer.
 */
public final class CatalogNames {

    /** A table, view, sequence, index ...: relkind as pg_class has it. */
    public record Relation(String schema, String name, char kind, boolean visible) {}

    /** One read of the catalog. */
    record Snapshot(List<Relation> relations, Map<String, List<String>> columnsByRelation, List<String> allColumns,
                    List<String> schemas, List<String> functions, List<String> databases) {
        static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Enough for any schema a person types against; the rest are still one more letter away. */
    private static final int COLUMN_LIMIT = 50_000;

    private final Supplier<SessionConnection> connection;
    private volatile Snapshot snapshot;
    private volatile SessionConnection loadedFrom;

    public CatalogNames(Supplier<SessionConnection> connection) {
        this.connection = connection;
    }

    /** The catalog changed (DDL ran): read it again the next time names are wanted. */
    public void markStale() {
        snapshot = null;
    }

    /** Relations of every schema, with their kind and whether the search path finds them unqualified. */
    public List<Relation> relations() {
        return current().relations();
    }

    /** Columns of a relation, by its (quoted) name as typed, with or without schema; empty when unknown. */
    public List<String> columnsOf(String relation) {
        List<String> cols = current().columnsByRelation().get(normalize(relation));
        return cols == null ? List.of() : cols;
    }

    /** Distinct column names of all user relations. */
    public List<String> allColumns() { return current().allColumns(); }

    public List<String> schemas() { return current().schemas(); }

    /** Function names visible without a schema. */
    public List<String> functions() { return current().functions(); }

    public List<String> databases() { return current().databases(); }

    /** Identifiers fold to lower case unless quoted: "Foo" stays, foo and FOO are foo. */
    static String normalize(String name) {
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else {
                b.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private Snapshot current() {
        try {
            SessionConnection c = connection.get();
            if (c == null || c.isClosed() || c.transactionState() == TransactionState.FAILED) return Snapshot.EMPTY;
            Snapshot s = snapshot;
            if (s == null || loadedFrom != c) {
                s = c.transactionState() == TransactionState.OPEN ? loadInsideTransaction(c.jdbc()) : load(c.jdbc());
                snapshot = s;
                loadedFrom = c;
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            return Snapshot.EMPTY;   // completion offers nothing rather than fail the line being typed
        }
    }

    /**
     * Inside the user's transaction the reads run under a savepoint: should one fail (a statement_timeout,
     * say), the user's transaction goes on as if nothing had been asked.
     */
    private static Snapshot loadInsideTransaction(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("savepoint shardprep_completion");
            try {
                Snapshot s = load(c);
                st.execute("release savepoint shardprep_completion");
                return s;
            } catch (SQLException e) {
                st.execute("rollback to savepoint shardprep_completion");
                st.execute("release savepoint shardprep_completion");
                throw e;
            }
        }
    }

    private static Snapshot load(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<Relation> relations = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select quote_ident(n.nspname), quote_ident(c.relname), c.relkind, pg_catalog.pg_table_is_visible(c.oid)
                    from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')
                      and n.nspname <> 'information_schema' and n.nspname !~ '^pg_toast'
                      and (n.nspname <> 'pg_catalog' or c.relkind in ('r', 'v'))
                    order by 2""")) {
                while (rs.next()) {
                    relations.add(new Relation(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), rs.getBoolean(4)));
                }
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Set<String> allColumns = new LinkedHashSet<>();
            st.setMaxRows(COLUMN_LIMIT);
            try (ResultSet rs = st.executeQuery("""
                    select n.nspname, c.relname, quote_ident(a.attname), pg_catalog.pg_table_is_visible(c.oid)
                    from pg_catalog.pg_attribute a
                      join pg_catalog.pg_class c on c.oid = a.attrelid
                      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                    where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f')
                      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_toast'
                    order by n.nspname, c.relname, a.attnum""")) {
                while (rs.next()) {
                    String column = rs.getString(3);
                    columns.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>()).add(column);
                    if (rs.getBoolean(4)) columns.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(column);
                    allColumns.add(column);
                }
            }
            st.setMaxRows(0);
            List<String> schemas = strings(st, """
                    select quote_ident(nspname) from pg_catalog.pg_namespace
                    where nspname !~ '^pg_toast' and nspname !~ '^pg_temp_' order by 1""");
            List<String> functions = strings(st, """
                    select distinct quote_ident(p.proname) from pg_catalog.pg_proc p
                    where pg_catalog.pg_function_is_visible(p.oid) and p.prokind in ('f', 'a', 'w', 'p')
                      -- the machinery behind operators, casts and types is nothing a person calls
                      and p.prorettype not in ('internal'::regtype, 'cstring'::regtype, 'trigger'::regtype,
                                               'event_trigger'::regtype, 'language_handler'::regtype,
                                               'index_am_handler'::regtype, 'table_am_handler'::regtype,
                                               'fdw_handler'::regtype, 'tsm_handler'::regtype)
                      and not 'internal'::regtype = any (p.proargtypes) and not 'cstring'::regtype = any (p.proargtypes)
                      and not exists (select 1 from pg_catalog.pg_operator o where o.oprcode = p.oid)
                      and not exists (select 1 from pg_catalog.pg_cast c where c.castfunc = p.oid)
                      and not exists (select 1 from pg_catalog.pg_type t
                                      where p.oid in (t.typinput, t.typoutput, t.typreceive, t.typsend))
                    order by 1""");
            List<String> databases = strings(st, """
                    select quote_ident(datname) from pg_catalog.pg_database where datallowconn order by 1""");
            List<String> sortedColumns = new ArrayList<>(allColumns);
            Collections.sort(sortedColumns);
            return new Snapshot(List.copyOf(relations), columns, sortedColumns, schemas, functions, databases);
        }
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Override
    public String toString() {
        Snapshot s = snapshot;
        return "CatalogNames[" + (s == null ? "stale" : s.relations().size() + " relations") + "]";
    }
}
