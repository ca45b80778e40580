package org.shardprep.migrate.distribute;

/** How distribute run copies the tables into Citus. */
public enum CopyMode {
    /** create_distributed_table: writes to each table wait for its copy */
    BLOCKING,
    /** create_distributed_table_concurrently wherever Citus allows it, else blocking, with a line saying why */
    CONCURRENTLY,
    /** as CONCURRENTLY, but the tables whose copy is short (fewer rows than {@link #ONLINE_BLOCKING_BELOW}) take the blocking call */
    ONLINE;

    /**
     * Below this many rows --online copies a table with the blocking call: the copy is over in well under a second (a
     * few hundred ms for 20,000 rows here), while the concurrent form's logical replication takes seconds to set up.
     */
    public static final long ONLINE_BLOCKING_BELOW = 20_000;
}
