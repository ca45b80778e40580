package org.shardprep.shell.session;

import org.shardprep.sql.scan.LeadingWords;

import java.util.List;

/**
 * psql's rules for the statements it wraps itself: with AUTOCOMMIT off it sends BEGIN first unless the
 * statement cannot run in a transaction block (command_no_begin); with ON_ERROR_ROLLBACK it puts a savepoint
 * before each statement inside a transaction, except around the transaction-control statements themselves.
 */
final class ImplicitTransaction {

    static final String SAVEPOINT = "pg_psql_temporary_savepoint";

    private ImplicitTransaction() {}

    /**
     * psql's command_no_begin: transaction control (but savepoints, which psql wraps in its BEGIN like any other
     * statement) and the statements the server refuses inside a transaction block.
     */
    static boolean mustNotBegin(String sql) {
        List<String> w = LeadingWords.words(sql, 4);
        return switch (word(w, 0)) {
            case "abort", "begin", "start", "commit", "end", "rollback", "vacuum" -> true;
            case "prepare" -> word(w, 1).equals("transaction");
            case "cluster" -> w.size() == 1;   // CLUSTER with arguments may run in a transaction
            case "create" -> switch (word(w, 1)) {
                case "database", "tablespace" -> true;
                case "unique" -> word(w, 2).equals("index") && word(w, 3).equals("concurrently");
                case "index" -> word(w, 2).equals("concurrently");
                default -> false;
            };
            case "alter" -> word(w, 1).equals("system");
            case "drop", "reindex" -> switch (word(w, 1)) {
                case "database", "system", "tablespace" -> true;
                case "index", "table" -> word(w, 2).equals("concurrently");
                default -> false;
            };
            case "discard" -> word(w, 1).equals("all");
            default -> false;
        };
    }

    /** Statements a savepoint must not wrap: transaction control, including savepoints of the user's own. */
    static boolean isTransactionControl(String sql) {
        List<String> w = LeadingWords.words(sql, 2);
        return switch (word(w, 0)) {
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" -> true;
            case "prepare" -> word(w, 1).equals("transaction");
            default -> false;
        };
    }

    private static String word(List<String> words, int i) {
        return i < words.size() ? words.get(i) : "";
    }
}
