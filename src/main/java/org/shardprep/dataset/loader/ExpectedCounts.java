package org.shardprep.dataset.loader;

import org.shardprep.dataset.DatasetTable;
import org.shardprep.dataset.ExerciseCounts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts a load should end with: the generator's for its scale, or the exercise's for its data.zip. */
final class ExpectedCounts {
    private ExpectedCounts() {}

    static Map<String, Long> forScale(double scale) {
        ExerciseCounts counts = ExerciseCounts.forScale(scale);
        Map<String, Long> m = new LinkedHashMap<>();
        for (DatasetTable t : DatasetTable.values()) m.put(t.tableName(), counts.rows(t));
        return m;
    }

    /** The exercise's numbers when the load has them (the real data.zip); null means "what was copied". */
    static Map<String, Long> exerciseIfMatching(Map<String, Long> loaded) {
        Map<String, Long> full = forScale(1);
        return full.equals(loaded) ? full : null;
    }
}
