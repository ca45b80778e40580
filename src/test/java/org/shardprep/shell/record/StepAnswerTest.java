package org.shardprep.shell.record;

import org.shardprep.command.StepAnswer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepAnswerTest {

    @Test
    void enterAloneRuns() {
        assertThat(StepAnswer.parse("")).isEqualTo(StepAnswer.RUN);
        assertThat(StepAnswer.parse("   ")).isEqualTo(StepAnswer.RUN);
    }

    @Test
    void sSkipsAndQStops() {
        assertThat(StepAnswer.parse("s")).isEqualTo(StepAnswer.SKIP);
        assertThat(StepAnswer.parse(" S ")).isEqualTo(StepAnswer.SKIP);
        assertThat(StepAnswer.parse("skip")).isEqualTo(StepAnswer.SKIP);
        assertThat(StepAnswer.parse("q")).isEqualTo(StepAnswer.STOP);
        assertThat(StepAnswer.parse("quit")).isEqualTo(StepAnswer.STOP);
        assertThat(StepAnswer.parse("stop")).isEqualTo(StepAnswer.STOP);
    }

    @Test
    void anythingElseAsksAgain() {
        assertThat(StepAnswer.parse("y")).isNull();
        assertThat(StepAnswer.parse("select 1;")).isNull();
    }
}
