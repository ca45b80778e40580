package org.shardprep.dataset.generator;

import org.shardprep.dataset.ExerciseCounts;

import java.nio.file.Path;
import java.util.List;

/** What one generation wrote: rows per table, total bytes, and the files in the order they are loaded. */
public record GenerationSummary(long stores, long products, long orders, long lineItems, long totalBytes, List<Path> files) {

    public GenerationSummary {
        files = List.copyOf(files);
    }

    public ExerciseCounts counts() {
        return new ExerciseCounts(stores, products, orders, lineItems);
    }
}
