package org.shardprep.dataset.generator;

/**
 * When each order was placed: orders spread evenly over 2022 in id order (each gets a random second within
 * its own slot), so ordered_at rises with order_id as in a real order table.
 */
final class OrderTimeline {

    static final long START = 1_640_995_200L; // 2022-01-01 00:00:00
    static final long END = 1_672_531_200L;   // 2023-01-01 00:00:00
    private static final long SPAN = END - START;

    private final long orders;

    OrderTimeline(long orders) {
        this.orders = orders;
    }

    /** Seconds since 1970 of the order at zero-based position {@code index}. */
    long orderedAt(long index, SplitMix64 random) {
        long slotStart = SPAN * index / orders;
        long slotLength = SPAN * (index + 1) / orders - slotStart;
        return START + slotStart + (slotLength > 1 ? random.nextInt((int) Math.min(slotLength, Integer.MAX_VALUE)) : 0);
    }

    /** Days between the order and the end of 2022, when the data set was "taken". */
    static long ageInDays(long orderedAt) {
        return (END - orderedAt) / 86_400;
    }
}
