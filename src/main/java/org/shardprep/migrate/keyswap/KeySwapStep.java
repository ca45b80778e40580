package org.shardprep.migrate.keyswap;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the key swap: what it does (title), why it is done this way (one line), its exact SQL, and
 * whether the catalog shows it done already.
 *
 * @param number     1-based, over the whole plan
 * @param table      the table whose group the step is in, as regclass prints it
 * @param statements the SQL, without trailing semicolons; several run in one transaction
 */
public record KeySwapStep(int number, String table, Kind kind, String title, String why, List<String> statements,
                          boolean done) {

    /** How a step runs, which decides what it may lock and for how long. */
    public enum Mode {
        /** Autocommit, outside any transaction (CREATE/DROP INDEX CONCURRENTLY cannot run inside one). */
        CONCURRENT,
        /** One short transaction with a short lock_timeout, retried with backoff (ShortLockTransaction). */
        SHORT_LOCK
    }

    public enum Kind {
        ADD_NOT_NULL_CHECK(Mode.SHORT_LOCK),
        VALIDATE_NOT_NULL_CHECK(Mode.SHORT_LOCK),
        SET_NOT_NULL(Mode.SHORT_LOCK),
        DROP_NOT_NULL_CHECK(Mode.SHORT_LOCK),
        DROP_INVALID_INDEX(Mode.CONCURRENT),
        CREATE_INDEX(Mode.CONCURRENT),
        SWAP_PRIMARY_KEY(Mode.SHORT_LOCK),
        ADD_FOREIGN_KEY(Mode.SHORT_LOCK),
        VALIDATE_FOREIGN_KEY(Mode.SHORT_LOCK);

        private final Mode mode;

        Kind(Mode mode) { this.mode = mode; }

        public Mode mode() { return mode; }
    }

    public KeySwapStep {
        statements = List.copyOf(statements);
    }

    public Mode mode() { return kind.mode(); }

    /** The SQL as it would be typed: each statement ending in ';', several wrapped in BEGIN/COMMIT. */
    public List<String> sqlLines() {
        List<String> lines = new ArrayList<>();
        boolean transaction = statements.size() > 1;
        if (transaction) lines.add("BEGIN;");
        for (String s : statements) lines.add(s + ";");
        if (transaction) lines.add("COMMIT;");
        return lines;
    }
}
