package org.shardprep.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 2, 10, 10, 7, 30, 0, UTC);   // a Tuesday

    private static ZonedDateTime next(String schedule) {
        return Schedule.parse(schedule).next(AT);
    }

    private static ZonedDateTime at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, UTC);
    }

    @Test
    void fiveFieldsAsTheExerciseWritesThem() {
        assertThat(next("*/1 * * * *")).isEqualTo(at(2, 10, 10, 8));
        assertThat(next("*/3 * * * *")).isEqualTo(at(2, 10, 10, 9));
        assertThat(next("30 3 * * *")).isEqualTo(at(2, 11, 3, 30));
    }

    @Test
    void rangesListsStepsAndNames() {
        assertThat(next("0 9-17/4 * * *")).isEqualTo(at(2, 10, 13, 0));
        assertThat(next("15,45 * * * *")).isEqualTo(at(2, 10, 10, 15));
        assertThat(next("0 0 * * mon")).isEqualTo(at(2, 16, 0, 0));
        assertThat(next("0 0 * * MON-FRI")).isEqualTo(at(2, 11, 0, 0));
        assertThat(next("0 0 1 jan,jul *")).isEqualTo(at(7, 1, 0, 0));
        assertThat(next("0 0 * * 0")).isEqualTo(at(2, 15, 0, 0));   // Sunday as 0
        assertThat(next("0 0 * * 7")).isEqualTo(at(2, 15, 0, 0));   // and as 7
    }

    @Test
    void dollarIsTheLastDayOfTheMonth() {
        assertThat(next("0 12 $ * *")).isEqualTo(at(2, 28, 12, 0));
    }

    @Test
    void macros() {
        assertThat(next("@hourly")).isEqualTo(at(2, 10, 11, 0));
        assertThat(next("@daily")).isEqualTo(at(2, 11, 0, 0));
        assertThat(next("@midnight")).isEqualTo(at(2, 11, 0, 0));
        assertThat(next("@weekly")).isEqualTo(at(2, 15, 0, 0));
        assertThat(next("@monthly")).isEqualTo(at(3, 1, 0, 0));
        assertThat(next("@yearly")).isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, UTC));
        assertThat(next("@annually")).isEqualTo(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, UTC));
    }

    @Test
    void secondsAsPgCronsIntervalSyntax() {
        Schedule s = Schedule.parse("1 seconds");
        assertThat(s.intervalSeconds()).isEqualTo(1);
        assertThat(s.next(AT.withNano(400_000_000))).isEqualTo(AT.plusSeconds(1));
        assertThat(Schedule.parse("59 seconds").intervalSeconds()).isEqualTo(59);
        assertThat(Schedule.parse(" 10 second ").intervalSeconds()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"61 * * * *", "* 24 * * *", "* * 32 * *", "* * * 13 *", "* * * * 8", "0 seconds", "60 seconds",
            "* * * *", "* * * * * *", "", "  ", "@often", "soon", "1 minutes", "0 0 L * *", "0 0 ? * *", "0 0 1$ * *", "0 0 * * 5#2"})
    void badSchedulesAreRefusedInOneLine(String bad) {
        assertThatThrownBy(() -> Schedule.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid schedule")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
