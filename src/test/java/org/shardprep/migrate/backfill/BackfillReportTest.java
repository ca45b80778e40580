package org.shardprep.migrate.backfill;

import org.shardprep.migrate.ColumnNulls;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text bar and durations of backfill-status. */
class BackfillReportTest {

    @Test
    void barFillsACellPerFivePercentAndNeverShowsDoneEarly() {
        assertThat(BackfillReport.bar(0)).isEqualTo("[....................]   0%");
        assertThat(BackfillReport.bar(0.3)).isEqualTo("[######..............]  30%");
        assertThat(BackfillReport.bar(0.999)).isEqualTo("[###################.]  99%");
        assertThat(BackfillReport.bar(1)).isEqualTo("[####################] 100%");
    }

    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(BackfillReport.duration(0.44)).isEqualTo("0.4 s");
        assertThat(BackfillReport.duration(9.94)).isEqualTo("9.9 s");
        assertThat(BackfillReport.duration(9.96)).isEqualTo("10 s");
        assertThat(BackfillReport.duration(59.4)).isEqualTo("59 s");
        assertThat(BackfillReport.duration(185)).isEqualTo("3 min 5 s");
        assertThat(BackfillReport.duration(3720)).isEqualTo("1 h 2 min");
    }

    @Test
    void aCountFromTheDatabaseIsExactAndItsRateComesFromTwoCounts() {
        BackfillReport r = BackfillReport.of(new ColumnNulls("line_items.store_id", true, 4000, 1000), 500.0, null);
        assertThat(r.line()).isEqualTo("line_items.store_id [###############.....]  75%  3,000 set, 1,000 NULL (exact count), "
                + "500 rows/s, ETA 2.0 s");
        assertThat(BackfillReport.of(new ColumnNulls("line_items.store_id", true, 4000, 4000), null, null).line())
                .isEqualTo("line_items.store_id [....................]   0%  0 set, 4,000 NULL (exact count)");
        // a scheduled job fills it: that is said, not "not running"
        assertThat(BackfillReport.of(new ColumnNulls("line_items.store_id", true, 4000, 4000), null,
                "scheduled job fill (SELECT backfill_batch(1000))").line())
                .isEqualTo("line_items.store_id [....................]   0%  0 set, 4,000 NULL (exact count), "
                        + "filled by scheduled job fill (SELECT backfill_batch(1000))");
    }
}
