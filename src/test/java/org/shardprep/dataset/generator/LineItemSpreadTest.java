package org.shardprep.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineItemSpreadTest {

    @Test
    void sumsExactlyWithOneToThreeEach() {
        long[][] cases = {{199_968, 400_296}, {1000, 1000}, {1000, 3000}, {1000, 1001}, {1000, 2999}, {1, 2}, {0, 0}, {7, 20}};
        SplitMix64 random = new SplitMix64(42);
        for (long[] c : cases) {
            LineItemSpread spread = new LineItemSpread(c[0], c[1]);
            long total = 0;
            for (long i = 0; i < c[0]; i++) {
                int items = spread.next(random);
                assertThat(items).isBetween(1, 3);
                total += items;
            }
            assertThat(total).as("%d orders", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void looksLikeCreateOrdersUniformOneToThree() {
        // at the exercise's ratio (2.0018 per order) each of 1, 2, 3 should turn up about a third of the time
        SplitMix64 random = new SplitMix64(7);
        LineItemSpread spread = new LineItemSpread(199_968, 400_296);
        long[] seen = new long[4];
        for (int i = 0; i < 199_968; i++) {
            seen[spread.next(random)]++;
        }
        for (int k = 1; k <= 3; k++) {
            assertThat(seen[k] / 199_968.0).as("share of %d", k).isBetween(0.31, 0.36);
        }
    }

    @Test
    void refusesImpossibleTotals() {
        assertThatThrownBy(() -> new LineItemSpread(10, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineItemSpread(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
