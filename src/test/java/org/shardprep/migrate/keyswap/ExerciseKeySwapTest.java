package org.shardprep.migrate.keyswap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExerciseKeySwapTest {

    @Test
    void theExercisesSixSteps() {
        assertThat(ExerciseKeySwap.steps()).hasSize(6);
    }

    @Test
    void aCommentBeforeBeginOrCommitStillMakesOneBlock() {
        var steps = ExerciseKeySwap.steps("""
                -- swap the key
                BEGIN;
                ALTER TABLE orders DROP CONSTRAINT orders_pkey;
                /* a /* nested */ note */ COMMIT;
                create index i on t (a);
                """);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).label()).isEqualTo("BEGIN ... COMMIT: the primary key of orders");
        assertThat(steps.get(0).statements()).hasSize(3);
    }
}
