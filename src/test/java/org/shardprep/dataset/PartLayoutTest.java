package org.shardprep.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartLayoutTest {

    @Test
    void partsCoverAllIdsWithOneToThreeLineItemsPerOrder() {
        for (double scale : new double[] {1, 0.01, 0.05, 0.0001, 3e-7, 10}) {
            ExerciseCounts counts = ExerciseCounts.forScale(scale);
            PartLayout layout = PartLayout.of(counts);
            long orders = 0;
            long lineItems = 0;
            for (int p = 0; p < layout.parts(); p++) {
                assertThat(layout.ordersBefore(p)).isEqualTo(orders);
                assertThat(layout.lineItemsBefore(p)).isEqualTo(lineItems);
                long n = layout.orderCount(p);
                long m = layout.lineItemCount(p);
                assertThat(m).as("part %d at scale %s", p, scale).isBetween(n, 3 * n);
                orders += n;
                lineItems += m;
            }
            assertThat(orders).isEqualTo(counts.orders());
            assertThat(lineItems).isEqualTo(counts.lineItems());
        }
    }

    @Test
    void fileNamesSortInIdOrder() {
        PartLayout layout = PartLayout.of(ExerciseCounts.FULL);
        List<String> names = new ArrayList<>();
        for (int p = 0; p < layout.parts(); p++) {
            names.add(layout.ordersFile(p));
        }
        assertThat(names).isSorted().startsWith("orders_00.csv").endsWith("orders_09.csv");
        assertThat(layout.lineItemsFile(3)).isEqualTo("line_items_03.csv");
    }
}
