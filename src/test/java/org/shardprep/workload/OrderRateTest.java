package org.shardprep.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OrderRateTest {

    @Test
    void readsPerMinutePerSecondPerHourAndPlainNumbersAsPerMinute() {
        assertThat(OrderRate.parse("20000/min").perSecond()).isCloseTo(333.333, within(0.001));
        assertThat(OrderRate.parse("300/s").perSecond()).isEqualTo(300);
        assertThat(OrderRate.parse("300 / sec").perSecond()).isEqualTo(300);
        assertThat(OrderRate.parse("3600/h").perSecond()).isEqualTo(1);
        assertThat(OrderRate.parse("600").perSecond()).isEqualTo(10);
        assertThat(OrderRate.parse("1.5/s").perMinute()).isEqualTo(90);
    }

    @Test
    void refusesWhatIsNotARate() {
        assertThatThrownBy(() -> OrderRate.parse("abc")).hasMessage("--rate must look like 20000/min, 300/s or 20000 (per minute), not \"abc\"");
        assertThatThrownBy(() -> OrderRate.parse("10/day")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRate.parse("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderRate.parse("0/s")).hasMessage("--rate must be more than 0");
    }

    @Test
    void durationsInSecondsMinutesHours() {
        assertThat(LoadDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadDuration.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LoadDuration.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LoadDuration.parse("3")).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> LoadDuration.parse("soon")).hasMessage("--for must look like 90s, 2m or 1h, not \"soon\"");
        assertThatThrownBy(() -> LoadDuration.parse("0s")).hasMessage("--for must be more than 0");
    }

    @Test
    void modes() {
        assertThat(OrderMode.parse("Server")).isEqualTo(OrderMode.SERVER);
        assertThat(OrderMode.parse("client")).isEqualTo(OrderMode.CLIENT);
        assertThatThrownBy(() -> OrderMode.parse("x")).hasMessage("--mode must be server or client, not \"x\"");
    }
}
