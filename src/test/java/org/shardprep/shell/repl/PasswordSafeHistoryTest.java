package org.shardprep.shell.repl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordSafeHistoryTest {
    @Test
    void linesWithPasswordsAreRecognised() {
        assertThat(PasswordSafeHistory.holdsSecret("\\c host=x user=citus password=secret")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\c postgresql://citus:secret@host/db")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("ALTER ROLE citus PASSWORD 'x';")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("create user bob with password 'x';")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\password citus")).isTrue();
        assertThat(PasswordSafeHistory.holdsSecret("\\set API_TOKEN abc")).isTrue();   // the recording's rule too
    }

    @Test
    void ordinarySqlIsKept() {
        assertThat(PasswordSafeHistory.holdsSecret("select * from stores;")).isFalse();
        assertThat(PasswordSafeHistory.holdsSecret("\\c postgresql://host/db")).isFalse();
        assertThat(PasswordSafeHistory.holdsSecret("SELECT create_orders(20000);")).isFalse();
    }

    @Test
    void historyDropsThem() {
        PasswordSafeHistory h = new PasswordSafeHistory();
        h.add(java.time.Instant.now(), "select 1;");
        h.add(java.time.Instant.now(), "\\c password=secret");
        assertThat(h.size()).isEqualTo(1);
    }
}
