package org.shardprep.shell.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogChangesTest {

    @Test
    void ddlByItsFirstWord() {
        assertThat(CatalogChanges.mayChange("create table t (x int)")).isTrue();
        assertThat(CatalogChanges.mayChange("  ALTER TABLE t add y int")).isTrue();
        assertThat(CatalogChanges.mayChange("-- why\n/* a /* nested */ note */ drop view v")).isTrue();
        assertThat(CatalogChanges.mayChange("comment on table t is 'x'")).isTrue();
        assertThat(CatalogChanges.mayChange("rollback")).isTrue();
        assertThat(CatalogChanges.mayChange("select 'create table'")).isFalse();
        assertThat(CatalogChanges.mayChange("insert into t values (1)")).isFalse();
        assertThat(CatalogChanges.mayChange("")).isFalse();
    }
}
