package org.shardprep.workload;

import java.util.Locale;

/**
 * How the client generator's rows reach the server. COPY is the cheapest way in; INSERT is how the exercise's
 * create_orders and most applications write, one row per statement. The difference matters on Citus: a single-row
 * INSERT that meets a table's switch-over in create_distributed_table_concurrently is re-routed to the new shard,
 * while a COPY that started on the old one fails ("could not find valid entry for shard", scripts/bench-distribute).
 */
public enum OrderWrites {
    COPY, INSERT;

    public static OrderWrites parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "copy" -> COPY;
            case "insert" -> INSERT;
            default -> throw new IllegalArgumentException("--writes must be copy or insert, not \"" + text + "\"");
        };
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
