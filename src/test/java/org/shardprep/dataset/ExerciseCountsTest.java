package org.shardprep.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExerciseCountsTest {

    @Test
    void fullScaleIsExactlyTheExercisesCounts() {
        // the counts the exercise checks after its COPY step
        assertThat(ExerciseCounts.forScale(1)).isEqualTo(new ExerciseCounts(442, 10002, 1999680, 4002959));
        assertThat(ExerciseCounts.forScale(1)).isEqualTo(ExerciseCounts.FULL);
    }

    @Test
    void otherScalesRoundEachCount() {
        assertThat(ExerciseCounts.forScale(0.05)).isEqualTo(new ExerciseCounts(22, 500, 99984, 200148));
        assertThat(ExerciseCounts.forScale(0.5)).isEqualTo(new ExerciseCounts(221, 5001, 999840, 2001480));
        assertThat(ExerciseCounts.forScale(10)).isEqualTo(new ExerciseCounts(4420, 100020, 19996800, 40029590));
    }

    @Test
    void smallScalesKeepStoreFiveAndAProductPerStore() {
        assertThat(ExerciseCounts.forScale(0.01)).isEqualTo(new ExerciseCounts(5, 100, 19997, 40030));
        ExerciseCounts tiny = ExerciseCounts.forScale(0.0001);
        assertThat(tiny.stores()).isEqualTo(5);
        assertThat(tiny.products()).isEqualTo(5);
        assertThat(tiny.orders()).isEqualTo(200);
        assertThat(tiny.lineItems()).isEqualTo(400);
    }

    @Test
    void lineItemsStayWithinOneToThreePerOrderAtTinyScales() {
        ExerciseCounts noOrders = ExerciseCounts.forScale(2.4e-7); // 0.48 orders, 0.96 line items
        assertThat(noOrders.orders()).isZero();
        assertThat(noOrders.lineItems()).isZero();
        ExerciseCounts oneOrder = ExerciseCounts.forScale(3e-7);
        assertThat(oneOrder.orders()).isEqualTo(1);
        assertThat(oneOrder.lineItems()).isBetween(1L, 3L);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 10.0001, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesScalesOutsideZeroToTen(double scale) {
        assertThatThrownBy(() -> ExerciseCounts.forScale(scale))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be greater than 0 and at most 10 (1 = the exercise's full data set), got " + scale);
    }
}
