package org.shardprep.dataset.generator;

/**
 * Gives each of n orders 1 to 3 line items at random, as the exercise's create_orders does, yet summing to
 * exactly m so the exercise's line-item count comes out to the row. Each draw is nearly uniform over 1..3,
 * nudged toward the mean the remaining orders need; the end is clamped so the total can always be met.
 */
final class LineItemSpread {

    private long ordersLeft;
    private long extraLeft; // line items beyond the first of each remaining order

    LineItemSpread(long orders, long lineItems) {
        if (lineItems < orders || lineItems > 3 * orders) {
            throw new IllegalArgumentException(orders + " orders cannot have " + lineItems + " line items at 1 to 3 each");
        }
        this.ordersLeft = orders;
        this.extraLeft = lineItems - orders;
    }

    int next(SplitMix64 random) {
        if (ordersLeft == 0) {
            throw new IllegalStateException("all orders have their line items");
        }
        double mean = (double) extraLeft / ordersLeft; // 0..2, the extra items an average remaining order needs
        int extra;
        if (mean >= 1) {
            extra = random.nextDouble() < mean - 1 ? 2 : random.nextInt(3);
        } else {
            extra = random.nextDouble() < 1 - mean ? 0 : random.nextInt(3);
        }
        long highest = Math.min(2, extraLeft);
        long lowest = Math.max(0, extraLeft - 2 * (ordersLeft - 1));
        extra = (int) Math.max(lowest, Math.min(highest, extra));
        ordersLeft--;
        extraLeft -= extra;
        return 1 + extra;
    }
}
