package org.shardprep.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shardprep.sql.CopyStatement.Direction.FROM_STDIN;
import static org.shardprep.sql.CopyStatement.Direction.TO_STDOUT;

class CopyStatementTest {

    @Test
    void clientSideCopies() {
        assertThat(CopyStatement.clientSide("COPY t FROM STDIN")).isEqualTo(FROM_STDIN);
        assertThat(CopyStatement.clientSide("copy t(a, b) from stdin with csv;")).isEqualTo(FROM_STDIN);
        assertThat(CopyStatement.clientSide("COPY  t FROM STDIN ")).isEqualTo(FROM_STDIN);
        assertThat(CopyStatement.clientSide("/* x */ -- y\n copy public.t to stdout")).isEqualTo(TO_STDOUT);
        assertThat(CopyStatement.clientSide("COPY (select 'from stdin', \"to\" from x) TO STDOUT")).isEqualTo(TO_STDOUT);
        assertThat(CopyStatement.clientSide("COPY (select $$) to stdout$$) TO STDOUT csv")).isEqualTo(TO_STDOUT);
        assertThat(CopyStatement.clientSide("copy binary t from stdin")).isEqualTo(FROM_STDIN);
        assertThat(CopyStatement.clientSide("/* a /* nested */ note */ copy t /* from x */ from -- to\n stdin")).isEqualTo(FROM_STDIN);
        assertThat(CopyStatement.clientSide("-- /* not a block\ncopy t to stdout")).isEqualTo(TO_STDOUT);
    }

    @Test
    void everythingElse() {
        assertThat(CopyStatement.clientSide("COPY t FROM '/tmp/x.csv'")).isNull();
        assertThat(CopyStatement.clientSide("COPY t TO PROGRAM 'cat'")).isNull();
        assertThat(CopyStatement.clientSide("select * from stdin")).isNull();
        assertThat(CopyStatement.clientSide("copyx t from stdin")).isNull();
        assertThat(CopyStatement.clientSide("COPY t FROM STDOUT")).isNull();
        assertThat(CopyStatement.clientSide("")).isNull();
    }
}
