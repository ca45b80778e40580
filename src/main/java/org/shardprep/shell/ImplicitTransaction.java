package org.shardprep.shell;

import java.util.Locale;

/**
 * psql's rules for the statements it wraps itself: with AUTOCOMMIT off it sends BEGIN first unless the
 * statement cannot run in a transaction block (command_no_begin); with ON_ERROR_ROLLBACK it puts a savepoint
 * before each statement inside a transaction, except around the transaction-control statements themselves.
 */
final class ImplicitTransaction {

    static final String SAVEPOINT = "pg_psql_temporary_savepoint";

    private ImplicitTransaction() {}

    /** psql's command_no_begin: statements that must not get an implicit BEGIN. */
    static boolean mustNotBegin(String sql) {
        String s = words(sql);
        return startsWithAny(s, "abort", "begin", "start", "commit", "end", "rollback", "prepare transaction",
                "commit prepared", "rollback prepared", "vacuum", "cluster", "create database", "drop database",
                "reindex database", "reindex system", "create tablespace", "drop tablespace", "alter system",
                "discard all", "create index concurrently", "create unique index concurrently",
                "drop index concurrently", "reindex concurrently", "reindex index concurrently",
                "reindex table concurrently", "savepoint", "release");
    }

    /** Statements a savepoint must not wrap: transaction control, including savepoints of the user's own. */
    static boolean isTransactionControl(String sql) {
        String s = words(sql);
        return startsWithAny(s, "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release", "prepare transaction");
    }

    /** Lower-case words of the statement's start, comments and extra spaces removed. */
    private static String words(String sql) {
        String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        s = s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static boolean startsWithAny(String s, String... prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p) && (s.length() == p.length() || !Character.isLetterOrDigit(s.charAt(p.length())))) return true;
        }
        return false;
    }
}
