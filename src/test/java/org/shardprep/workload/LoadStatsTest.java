package org.shardprep.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadStatsTest {

    @Test
    void aBatchsTimeIsSharedByItsOrdersAndIntervalsStartAfresh() {
        LoadStats stats = new LoadStats();
        stats.recordBatch(4, 8_000_000, 1_000_000);     // 4 orders in 8 ms: 2 ms each, 1 ms late
        stats.recordFailure(3, 0);
        LoadStats.Snapshot first = stats.interval();
        assertThat(first.orders()).isEqualTo(4);
        assertThat(first.failed()).isEqualTo(3);
        assertThat(first.latency().count()).isEqualTo(4);
        assertThat(first.latency().p99()).isEqualTo(2.0);
        assertThat(first.lag().max()).isEqualTo(1.0);
        stats.recordBatch(1, 20_000_000, 0);
        LoadStats.Snapshot second = stats.interval();
        assertThat(second.orders()).isEqualTo(1);
        assertThat(second.failed()).isZero();
        assertThat(second.latency().p50()).isCloseTo(20.0, within(0.05));
        LoadStats.Snapshot total = stats.total();
        assertThat(total.orders()).isEqualTo(5);
        assertThat(total.failed()).isEqualTo(3);
        assertThat(total.latency().p50()).isEqualTo(2.0);
        assertThat(total.latency().max()).isCloseTo(20.0, within(0.05));
    }
}
