package org.shardprep.sql;

/** Where the session is, as the server's ReadyForQuery says (libpq's PQtransactionStatus, psql's prompt %x). */
public enum TransactionState {
    /** Not in a transaction block. */
    IDLE,
    /** In a transaction block that can go on. */
    OPEN,
    /** In a failed transaction block: only ROLLBACK (to a savepoint) helps. */
    FAILED
}
