package org.shardprep.dataset.generator;

import org.shardprep.dataset.DatasetTable;

/**
 * Told how far generation has got, for a progress bar. Called from several writer threads at once, so an
 * implementation must be thread-safe (an AtomicLong per table is enough). Each call gives the rows and bytes
 * written to one file since that file's previous call; the expected totals are {@link ExerciseCounts#rows}.
 */
@FunctionalInterface
public interface GenerationProgress {

    GenerationProgress NONE = (table, rows, bytes) -> {};

    void written(DatasetTable table, long rows, long bytes);
}
