package org.shardprep.prepare;

/** What Citus makes of a table in a plan. */
public enum Role {
    /** hash-distributed on the column, colocated with the anchor */
    DISTRIBUTED,
    /** without the column but referenced by distributed tables: one shard copied to every node */
    REFERENCE,
    /** without the column, and nothing distributed refers to it: stays a plain table on the coordinator */
    LOCAL
}
