package org.shardprep.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepAnswerTest {

    @Test
    void enterRuns() {
        assertThat(StepAnswer.ofKey('\r')).isEqualTo(StepAnswer.RUN);
        assertThat(StepAnswer.ofKey('\n')).isEqualTo(StepAnswer.RUN);
    }

    @Test
    void sSkipsAndQStops() {
        assertThat(StepAnswer.ofKey('s')).isEqualTo(StepAnswer.SKIP);
        assertThat(StepAnswer.ofKey('S')).isEqualTo(StepAnswer.SKIP);
        assertThat(StepAnswer.ofKey('q')).isEqualTo(StepAnswer.STOP);
        assertThat(StepAnswer.ofKey('Q')).isEqualTo(StepAnswer.STOP);
    }

    @Test
    void ctrlCCtrlDAndTheEndOfInputInterrupt() {
        assertThat(StepAnswer.ofKey(3)).isEqualTo(StepAnswer.INTERRUPTED);
        assertThat(StepAnswer.ofKey(4)).isEqualTo(StepAnswer.INTERRUPTED);
        assertThat(StepAnswer.ofKey(-1)).isEqualTo(StepAnswer.INTERRUPTED);
    }

    @Test
    void anyOtherKeyMeansNothing() {
        assertThat(StepAnswer.ofKey('y')).isNull();
        assertThat(StepAnswer.ofKey(' ')).isNull();
        assertThat(StepAnswer.ofKey(27)).isNull();
    }
}
