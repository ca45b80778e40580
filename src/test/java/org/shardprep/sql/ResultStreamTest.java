package org.shardprep.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's ROW_COUNT takes libpq's PQcmdTuples of the command tag. */
class ResultStreamTest {

    @Test
    void theCountOfTagsThatHaveOne() {
        assertThat(ResultStream.affectedRows("INSERT 0 5")).isEqualTo(5);
        assertThat(ResultStream.affectedRows("SELECT 3")).isEqualTo(3);
        assertThat(ResultStream.affectedRows("UPDATE 2")).isEqualTo(2);
        assertThat(ResultStream.affectedRows("DELETE 1")).isEqualTo(1);
        assertThat(ResultStream.affectedRows("MERGE 4")).isEqualTo(4);
        assertThat(ResultStream.affectedRows("FETCH 2")).isEqualTo(2);
        assertThat(ResultStream.affectedRows("MOVE 7")).isEqualTo(7);
        assertThat(ResultStream.affectedRows("COPY 9")).isEqualTo(9);
    }

    @Test
    void zeroForTheRest() {
        assertThat(ResultStream.affectedRows("CREATE TABLE")).isZero();
        assertThat(ResultStream.affectedRows("COMMIT")).isZero();
        assertThat(ResultStream.affectedRows("INSERT 0")).isZero();
    }
}
