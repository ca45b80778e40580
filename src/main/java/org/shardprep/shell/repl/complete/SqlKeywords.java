package org.shardprep.shell.repl.complete;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The SQL words the completer offers and the highlighter colours: statement starters, then the rest. */
public final class SqlKeywords {
    private SqlKeywords() {}

    /** What a statement can start with (psql's sql_commands, the common ones). */
    public static final List<String> STATEMENT_STARTERS = List.of(
            "ABORT", "ALTER", "ANALYZE", "BEGIN", "CALL", "CHECKPOINT", "CLOSE", "CLUSTER", "COMMENT", "COMMIT",
            "COPY", "CREATE", "DEALLOCATE", "DECLARE", "DELETE FROM", "DISCARD", "DO", "DROP", "END", "EXECUTE",
            "EXPLAIN", "FETCH", "GRANT", "IMPORT FOREIGN SCHEMA", "INSERT INTO", "LISTEN", "LOAD", "LOCK", "MERGE INTO",
            "MOVE", "NOTIFY", "PREPARE", "REASSIGN", "REFRESH MATERIALIZED VIEW", "REINDEX", "RELEASE", "RESET",
            "REVOKE", "ROLLBACK", "SAVEPOINT", "SECURITY LABEL", "SELECT", "SET", "SHOW", "START TRANSACTION",
            "TABLE", "TRUNCATE", "UNLISTEN", "UPDATE", "VACUUM", "VALUES", "WITH");

    /** Words offered anywhere else in a statement, where no rule knows better. */
    public static final List<String> CLAUSE_WORDS = List.of(
            "ADD", "ALL", "AND", "ANY", "AS", "ASC", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLUMN",
            "CONCURRENTLY", "CONFLICT", "CONSTRAINT", "CROSS JOIN", "DEFAULT", "DESC", "DISTINCT", "DO NOTHING",
            "DO UPDATE SET", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FOREIGN KEY", "FROM", "FULL JOIN",
            "FUNCTION", "GROUP BY", "HAVING", "IF EXISTS", "IF NOT EXISTS", "ILIKE", "IN", "INDEX", "INNER JOIN",
            "INTERSECT", "INTO", "IS", "JOIN", "KEY", "LATERAL", "LEFT JOIN", "LIKE", "LIMIT", "MATERIALIZED VIEW",
            "NOT", "NOT NULL", "NOT VALID", "NULL", "NULLS FIRST", "NULLS LAST", "OFFSET", "ON", "ON CONFLICT", "ONLY",
            "OR", "ORDER BY", "OUTER", "OVER", "PARTITION BY", "PRIMARY KEY", "REFERENCES", "RENAME", "RENAME TO",
            "RESTRICT", "RETURNING", "RIGHT JOIN", "SCHEMA", "SEQUENCE", "SET", "TABLE", "THEN", "TO", "TRUE", "TYPE",
            "UNION", "UNION ALL", "UNIQUE", "USING", "VALIDATE CONSTRAINT", "VALUES", "VIEW", "WHEN", "WHERE",
            "WINDOW", "WITH");

    /** Every word the highlighter shows as a keyword (upper case). */
    public static final Set<String> HIGHLIGHTED = new TreeSet<>();

    static {
        for (List<String> list : List.of(STATEMENT_STARTERS, CLAUSE_WORDS)) {
            for (String phrase : list) HIGHLIGHTED.addAll(List.of(phrase.split(" ")));
        }
        HIGHLIGHTED.addAll(List.of(
                "ACTION", "ADMIN", "ALWAYS", "ANALYSE", "ARRAY", "ASYMMETRIC", "AT", "ATTACH", "AUTHORIZATION",
                "BIGINT", "BIGSERIAL", "BOOLEAN", "BOTH", "BUFFERS", "CHAR", "CHARACTER", "COALESCE", "COLLATE",
                "COSTS", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP",
                "CURRENT_USER", "CYCLE", "DATA", "DATABASE", "DATE", "DECIMAL", "DEFERRABLE", "DEFERRED", "DETACH",
                "DOUBLE", "EACH", "ENABLE", "DISABLE", "EXTENSION", "EXTRACT", "FILTER", "FIRST", "FOLLOWING",
                "FOR", "FORMAT", "GENERATED", "GREATEST", "IDENTITY", "IMMEDIATE", "INCLUDE", "INCREMENT",
                "INHERITS", "INITIALLY", "INT", "INTEGER", "INTERVAL", "ISOLATION", "LANGUAGE", "LAST", "LEADING",
                "LEAST", "LEVEL", "LOCAL", "LOCALTIME", "LOCALTIMESTAMP", "LOGGED", "MATCHED", "MAXVALUE",
                "MINVALUE", "NATURAL", "NEXT", "NO", "NOTHING", "NULLIF", "NUMERIC", "OF", "OIDS", "OPTIONS",
                "OWNED", "OWNER", "PARTITION", "PLACING", "POLICY", "PRECEDING", "PRECISION", "PRIVILEGES",
                "PROCEDURE", "PUBLICATION", "RANGE", "READ", "REAL", "RECURSIVE", "REPLACE", "RETURNS", "ROLE",
                "ROW", "ROWS", "SEARCH", "SERIAL", "SERVER", "SESSION", "SESSION_USER", "SETOF", "SIMILAR",
                "SMALLINT", "SOME", "STABLE", "START", "STATEMENT", "STRICT", "SUBSCRIPTION", "SYMMETRIC", "SYSTEM",
                "TABLESPACE", "TEMP", "TEMPORARY", "TEXT", "TIES", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TRAILING",
                "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNLOGGED", "USER", "VARCHAR", "VARIADIC", "VARYING",
                "VERBOSE", "VOLATILE", "WITHOUT", "WORK", "WRITE", "ZONE", "IMMUTABLE", "BEFORE", "AFTER",
                "INSTEAD", "EXECUTE", "ENUM", "DOMAIN", "OWNED", "ANALYZE", "COMMITTED", "SERIALIZABLE",
                "REPEATABLE", "UNCOMMITTED", "PLPGSQL", "SQL", "NOWAIT", "SKIP", "LOCKED", "SHARE", "EXCLUSIVE",
                "MODE", "OVERRIDING", "VALUE", "ESCAPE", "ISNULL", "NOTNULL", "SETS", "CUBE", "ROLLUP", "GROUPING"));
    }

    /**
     * PostgreSQL's reserved words, and the few others that cannot follow a relation name as its alias
     * (JOIN words, UPDATE's SET): what ends a relation or alias in a FROM list.
     */
    static final Set<String> NOT_AN_ALIAS = Set.of(
            "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "BOTH", "CASE", "CAST",
            "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO",
            "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "GRANT", "GROUP", "HAVING", "IN",
            "INITIALLY", "INTERSECT", "INTO", "LATERAL", "LEADING", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NOT",
            "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "SELECT",
            "SESSION_USER", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "THEN", "TO", "TRAILING", "TRUE", "UNION",
            "UNIQUE", "USER", "USING", "VARIADIC", "WHEN", "WHERE", "WINDOW", "WITH",
            "JOIN", "LEFT", "RIGHT", "INNER", "FULL", "CROSS", "NATURAL", "OUTER", "SET", "VALUES", "OVERRIDING",
            "TABLESAMPLE");

    static boolean endsRelation(String word) {
        return NOT_AN_ALIAS.contains(word.toUpperCase(Locale.ROOT));
    }

    public static boolean isKeyword(String word) {
        return HIGHLIGHTED.contains(word.toUpperCase(Locale.ROOT));
    }
}
