package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateStyleGuardTest {

    @Test
    void anotherOutputStyleIsRefused() {
        assertThat(DateStyleGuard.check("set datestyle = 'Postgres, MDY'")).contains("DateStyle \"Postgres\" is not supported");
        assertThat(DateStyleGuard.check("/* x */ SET SESSION DateStyle TO sql, dmy;")).contains("\"sql\"");
        assertThat(DateStyleGuard.check("set local datestyle to \"German\"")).contains("\"German\"");
    }

    @Test
    void theIsoStyleAnOrderAndOtherStatementsGoThrough() {
        assertThat(DateStyleGuard.check("set datestyle = 'ISO, DMY'")).isNull();
        assertThat(DateStyleGuard.check("SET DATESTYLE TO MDY")).isNull();
        assertThat(DateStyleGuard.check("set datestyle to default")).isNull();
        assertThat(DateStyleGuard.check("select 'set datestyle = postgres'")).isNull();
    }
}
