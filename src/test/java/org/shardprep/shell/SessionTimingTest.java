package org.shardprep.shell;

import org.shardprep.shell.session.Session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's PrintTiming formats, checked against psql 15 output. */
class SessionTimingTest {
    @Test
    void underASecond() {
        assertThat(Session.formatTiming(12.3456)).isEqualTo("Time: 12.346 ms");
    }

    @Test
    void secondsAndMinutes() {
        assertThat(Session.formatTiming(34012.5)).isEqualTo("Time: 34012.500 ms (00:34.013)");
        assertThat(Session.formatTiming(61000)).isEqualTo("Time: 61000.000 ms (01:01.000)");
    }

    @Test
    void hoursAndDays() {
        assertThat(Session.formatTiming(3_723_000)).isEqualTo("Time: 3723000.000 ms (01:02:03.000)");
        assertThat(Session.formatTiming(90_000_000)).isEqualTo("Time: 90000000.000 ms (1 d 01:00:00.000)");
    }
}
