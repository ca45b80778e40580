package org.shardprep.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which statements FETCH_COUNT streams through a cursor (psql's is_select_command, and TABLE). */
class QueryRunnerTest {

    @Test
    void plainQueriesStream() {
        assertThat(QueryRunner.streamsThroughCursor("select * from t", true)).isTrue();
        assertThat(QueryRunner.streamsThroughCursor("( (values (1)) )", true)).isTrue();
        assertThat(QueryRunner.streamsThroughCursor("TABLE t", true)).isTrue();
    }

    @Test
    void commentsBeforeTheQueryAndItsParenthesesAreSkipped() {
        assertThat(QueryRunner.streamsThroughCursor("-- all of them\nselect * from t", true)).isTrue();
        assertThat(QueryRunner.streamsThroughCursor("/* a /* nested */ note */ ( /* x */ select 1)", true)).isTrue();
    }

    @Test
    void everythingElseRunsAsSent() {
        assertThat(QueryRunner.streamsThroughCursor("select 1 into x", true)).isFalse();
        assertThat(QueryRunner.streamsThroughCursor("select 1; select 2", true)).isFalse();
        assertThat(QueryRunner.streamsThroughCursor("insert into t select 1", true)).isFalse();
        assertThat(QueryRunner.streamsThroughCursor("with x as (select 1) select * from x", true)).isFalse();
        assertThat(QueryRunner.streamsThroughCursor("selectx", true)).isFalse();
    }
}
