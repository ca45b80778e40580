package org.shardprep.shell;

import org.shardprep.shell.meta.ConnectionCommands;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** \c reads its arguments as psql's OT_SQLIDHACK: double quotes come off, case stays. */
class ConnectArgumentsTest {

    @Test
    void doubleQuotesComeOff() {
        assertThat(ConnectionCommands.withoutDoubleQuotes("\"host=x dbname=y\"")).isEqualTo("host=x dbname=y");
        assertThat(ConnectionCommands.withoutDoubleQuotes("\"My\"\"Db\"")).isEqualTo("My\"Db");
        assertThat(ConnectionCommands.withoutDoubleQuotes("plain_Name")).isEqualTo("plain_Name");
        assertThat(ConnectionCommands.withoutDoubleQuotes("part\"Quoted\"")).isEqualTo("partQuoted");
    }
}
