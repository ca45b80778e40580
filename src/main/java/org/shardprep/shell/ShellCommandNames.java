package org.shardprep.shell;

import java.util.Set;

/**
 * The names of shardprep's own commands, known without starting Spring: a script that uses none of them
 * runs as fast as psql starts. A test keeps this list equal to what Spring Shell registers.
 */
public final class ShellCommandNames {
    private ShellCommandNames() {}

    public static final Set<String> ALL = Set.of(
            "backfill",
            "backfill-status",
            "check-distribution",
            "create-schema",
            "distribute",
            "generate-data",
            "job",
            "job-runs",
            "jobs",
            "load-all",
            "record",
            "replay",
            "schedule",
            "simulate-orders",
            "swap-pk",
            "timing",
            "unschedule",
            "walkthrough");
}
