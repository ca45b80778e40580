package org.shardprep.dataset.generator;

import java.nio.charset.StandardCharsets;

/** Order statuses, chosen by the order's age: recent orders are still Pending or Shipped, older ones Delivered. */
enum OrderStatus {
    PENDING("Pending"),
    SHIPPED("Shipped"),
    DELIVERED("Delivered"),
    CANCELLED("Cancelled");

    final byte[] csv;

    OrderStatus(String text) {
        this.csv = text.getBytes(StandardCharsets.US_ASCII);
    }

    static OrderStatus random(long orderedAt, SplitMix64 random) {
        int roll = random.nextInt(100);
        if (roll < 3) {
            return CANCELLED;
        }
        long age = OrderTimeline.ageInDays(orderedAt);
        if (age < 2) {
            return roll < 70 ? PENDING : SHIPPED;
        }
        if (age < 7) {
            return roll < 10 ? PENDING : roll < 75 ? SHIPPED : DELIVERED;
        }
        return roll < 4 ? SHIPPED : DELIVERED;
    }
}
