package org.shardprep.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule's arithmetic on a fake clock (nanoseconds as plain numbers). */
class PacingScheduleTest {

    private static final long MS = 1_000_000;

    @Test
    void batchesAreDueOnTheScheduleFromTheStart() {
        PacingSchedule s = PacingSchedule.forRate(1_000 * MS, 10, 1);   // 10 orders/s, one per batch: every 100 ms
        assertThat(s.nextDue()).isEqualTo(1_000 * MS);
        assertThat(s.waitNanos(1_000 * MS)).isZero();
        assertThat(s.start(1_000 * MS)).isZero();
        assertThat(s.nextDue()).isEqualTo(1_100 * MS);
        assertThat(s.waitNanos(1_030 * MS)).isEqualTo(70 * MS);     // the batch took 30 ms: wait the rest
        assertThat(s.start(1_101 * MS)).isEqualTo(1 * MS);         // woke 1 ms late: that is lag
        assertThat(s.nextDue()).isEqualTo(1_200 * MS);              // the schedule does not move with it
    }

    @Test
    void aSlowBatchMakesTheFollowingOnesStartAtOnceUntilCaughtUp() {
        PacingSchedule s = new PacingSchedule(0, 100 * MS);
        s.start(0);                                  // batch 0 runs 350 ms
        long now = 350 * MS;
        assertThat(s.waitNanos(now)).isZero();       // batch 1 was due at 100
        assertThat(s.start(now)).isEqualTo(250 * MS);
        now += 10 * MS;                              // fast batches from here
        assertThat(s.waitNanos(now)).isZero();
        assertThat(s.start(now)).isEqualTo(160 * MS);   // batch 2 due at 200
        now += 10 * MS;
        assertThat(s.start(now)).isEqualTo(70 * MS);    // batch 3 due at 300
        now += 10 * MS;                                 // 380: batch 4 is due at 400
        assertThat(s.waitNanos(now)).isEqualTo(20 * MS);
        assertThat(s.start(400 * MS)).isZero();
        assertThat(s.batchesStarted()).isEqualTo(5);
    }

    @Test
    void fractionalIntervalsDoNotDrift() {
        PacingSchedule s = PacingSchedule.forRate(0, 20000 / 60.0, 1);   // 3.0 ms apart
        for (int i = 0; i < 333_333; i++) s.start(s.nextDue());
        assertThat(s.nextDue()).isEqualTo(999_999_000_000L);            // 333,333 × 3 ms, exactly
    }

    @Test
    void batchesGrowOnlyAboveAThousandASecond() {
        assertThat(PacingSchedule.ordersPerBatch(333.3, 1)).isEqualTo(1);
        assertThat(PacingSchedule.ordersPerBatch(333.3, 3)).isEqualTo(3);
        assertThat(PacingSchedule.ordersPerBatch(5000, 1)).isEqualTo(5);
    }
}
