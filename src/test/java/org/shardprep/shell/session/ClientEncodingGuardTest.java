package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientEncodingGuardTest {

    @Test
    void anotherEncodingIsRefusedWhateverComesBeforeTheSet() {
        assertThat(ClientEncodingGuard.check("set client_encoding to 'latin1'")).contains("\"latin1\" is not supported");
        assertThat(ClientEncodingGuard.check("/* a /* nested */ note */ SET NAMES 'LATIN1';")).contains("\"LATIN1\" is not supported");
        assertThat(ClientEncodingGuard.check("-- switch\nset session client_encoding = sql_ascii")).contains("\"sql_ascii\"");
    }

    @Test
    void utf8AndOtherStatementsGoThrough() {
        assertThat(ClientEncodingGuard.check("/* x */ SET CLIENT_ENCODING TO 'utf8'")).isNull();
        assertThat(ClientEncodingGuard.check("set client_encoding to default")).isNull();
        assertThat(ClientEncodingGuard.check("select 'set names latin1'")).isNull();
    }
}
