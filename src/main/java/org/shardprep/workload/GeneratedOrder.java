package org.shardprep.workload;

import java.math.BigDecimal;
import java.util.List;

/** One order as the generator made it, before it has an order_id. */
public record GeneratedOrder(long storeId, List<Item> items) {

    /** A line item: line_amount is price × quantity, as the function computes it. */
    public record Item(long productId, int quantity, BigDecimal lineAmount) {}
}
