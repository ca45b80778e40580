package org.shardprep.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** The counts a load should end with: the generator's for its scale, or the exercise's for its data.zip. */
final class ExpectedCounts {
    private ExpectedCounts() {}

    static Map<String, Long> forScale(double scale) {
        ExerciseCounts c = ExerciseCounts.forScale(scale);
        return of(c.stores(), c.products(), c.orders(), c.lineItems());
    }

    /** The exercise's numbers when the load has them (the real data.zip); null means "what was copied". */
    static Map<String, Long> exerciseIfMatching(Map<String, Long> loaded) {
        Map<String, Long> full = forScale(1);
        return full.equals(loaded) ? full : null;
    }

    private static Map<String, Long> of(long stores, long products, long orders, long lineItems) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("stores", stores);
        m.put("products", products);
        m.put("orders", orders);
        m.put("line_items", lineItems);
        return m;
    }
}
